package com.enrollbot.persistence;

import java.util.UUID;

import com.enrollbot.testing.TestDatabases;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** A fresh PostgreSQL database with the application's migrations applied, and Jdbi configured as the app does. */
final class MigratedDatabase {

    private MigratedDatabase() {
    }

    static Jdbi fresh() {
        TestDatabases.Database database = TestDatabases.fresh();
        Flyway.configure()
                .dataSource(database.url(), database.username(), database.password())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return Jdbi.create(database.url(), database.username(), database.password())
                .installPlugin(new SqlObjectPlugin())
                .installPlugin(new PostgresPlugin());
    }

    /** Inserts a directory row (the directory feature owns them; enrollments reference one). */
    static UUID directory(Jdbi jdbi, String orgId) {
        UUID id = UUID.randomUUID();
        jdbi.useHandle(handle -> handle.createUpdate("""
                INSERT INTO directories (id, org_id, display_name, tenant_id, client_id, secret_ciphertext, secret_key_id, created_by)
                VALUES (:id, :orgId, 'Contoso', :tenantId, :clientId, '\\x00', 'test', 'test')""")
                .bind("id", id)
                .bind("orgId", orgId)
                .bind("tenantId", UUID.randomUUID().toString())
                .bind("clientId", UUID.randomUUID().toString())
                .execute());
        return id;
    }
}
