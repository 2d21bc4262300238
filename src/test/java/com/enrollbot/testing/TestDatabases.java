package com.enrollbot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Fresh, empty PostgreSQL databases for tests: on one embedded PostgreSQL 15 shared by the whole test JVM, or,
 * when SPRING_DATASOURCE_URL is set, on that server (its user must be allowed to CREATE DATABASE).
 */
public final class TestDatabases {

    public record Database(String url, String username, String password) {
    }

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static volatile Server server;

    private TestDatabases() {
    }

    public static Database fresh() {
        Server s = server();
        String name = "test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(s.adminUrl(), s.username(), s.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        return new Database(s.urlFor(name), s.username(), s.password());
    }

    private static Server server() {
        if (server == null) {
            synchronized (TestDatabases.class) {
                if (server == null) {
                    server = startServer();
                }
            }
        }
        return server;
    }

    private static Server startServer() {
        String external = System.getenv("SPRING_DATASOURCE_URL");
        if (external != null && !external.isBlank()) {
            String base = external.contains("?") ? external.substring(0, external.indexOf('?')) : external;
            String prefix = base.substring(0, base.lastIndexOf('/') + 1);
            return new Server(base, prefix, System.getenv("SPRING_DATASOURCE_USERNAME"), System.getenv("SPRING_DATASOURCE_PASSWORD"));
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the temporary cluster is removed by the library
                }
            }));
            String admin = postgres.getJdbcUrl("postgres", "postgres");
            return new Server(admin, "jdbc:postgresql://localhost:" + postgres.getPort() + "/", "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL for tests", e);
        }
    }

    private record Server(String adminUrl, String urlPrefix, String username, String password) {
        String urlFor(String database) {
            return urlPrefix + database;
        }
    }
}
