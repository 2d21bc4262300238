package com.enrollbot.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 15 started from the binaries on the classpath, for running the bot without installing a
 * database. Its data lives in a folder that survives restarts (git-ignored {@code .data/postgres} by default).
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedPostgresServer start(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            removeStalePidFile(dataDir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "100")
                    .start();
            log.info("Embedded PostgreSQL 15 running on port {} with its data in {}", postgres.getPort(), dataDir);
            return new EmbeddedPostgresServer(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    /*
     * A bot killed with SIGKILL leaves postmaster.pid behind and PostgreSQL then refuses to start. The folder
     * belongs to this process alone (a second bot on the same folder would fail on the lock anyway), so a pid
     * file whose process is gone is safe to remove.
     */
    private static void removeStalePidFile(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        boolean alive = !firstLine.isEmpty() && firstLine.chars().allMatch(Character::isDigit)
                && ProcessHandle.of(Long.parseLong(firstLine)).map(ProcessHandle::isAlive).orElse(false);
        if (!alive) {
            log.warn("Removing a stale postmaster.pid left by a PostgreSQL that is no longer running");
            Files.delete(pidFile);
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
