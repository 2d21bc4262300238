package com.enrollbot.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.enrollbot.testing.FakeConnector;
import com.enrollbot.testing.RunningBot;
import com.enrollbot.testing.TeamsUser;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** With SPRING_DATASOURCE_URL unset the bot brings its own PostgreSQL, and what it stores survives a restart. */
class EmbeddedDatabaseTest {

    private static final String TENANT = "3d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f6a";

    @Test
    void dataInTheLocalFolderSurvivesARestartEvenAfterACrash() throws Exception {
        Path dataDir = RunningBot.tempDir();
        Map<String, Object> settings = new HashMap<>();
        settings.put("server.port", "0");
        settings.put("DATA_DIR", dataDir.toString());
        TeamsUser helpdesk;
        try (FakeConnector connector = new FakeConnector()) {
            helpdesk = TeamsUser.random(TENANT, "Diego Siciliani", connector);
            try (RunningBot first = RunningBot.start(settings)) {
                first.bean(Jdbi.class).useHandle(handle -> handle.execute(
                        "INSERT INTO role_grants (org_id, object_id, role, granted_by) VALUES (?, ?, 'helpdesk', 'test')",
                        TENANT, helpdesk.objectId()));
            }
            assertThat(dataDir.resolve("postgres").resolve("PG_VERSION")).exists();
            // A bot killed with SIGKILL leaves its pid file behind; the next start must not trip over it.
            Files.writeString(dataDir.resolve("postgres").resolve("postmaster.pid"), "999999\n");

            try (RunningBot second = RunningBot.start(settings)) {
                helpdesk.send(second, helpdesk.message("help"));

                assertThat(connector.await(call -> true).card().toString()).contains("Your role here: helpdesk.");
            }
        }
    }
}
