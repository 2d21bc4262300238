package com.enrollbot.bot.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.enrollbot.core.directory.Directory;
import com.enrollbot.core.directory.DirectoryAccess;
import com.enrollbot.testing.AdminDialogs;
import com.enrollbot.testing.EntraFakes;
import com.enrollbot.testing.FakeConnector;
import com.enrollbot.testing.RunningBot;
import com.enrollbot.testing.TeamsUser;
import com.enrollbot.testing.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A full register → edit → rotate run, with a refused secret on the way, and then a search for every secret in
 * everything the bot said or wrote: its log, every HTTP answer, every activity it sent to the connector, the
 * audit trail and the stored row (which holds ciphertext only).
 */
@ExtendWith(OutputCaptureExtension.class)
class DirectorySecretNeverLeaksEndToEndTest {

    private static final String ORG = "0f0f0f0f-0000-4000-8000-00000000000a";
    private static final String ADMIN_ID = "a4a4a4a4-0000-4000-8000-0000000000a4";
    private static final String FIRST_SECRET = "Xq8~first.SECRET-value_1";
    private static final String WRONG_SECRET = "Xq8~typo.SECRET-value_2";
    private static final String ROTATED_SECRET = "Xq8~rotated.SECRET-value_3";

    @Test
    void noSecretAppearsInLogsHttpAnswersConnectorCallsAuditOrStoredRow(CapturedOutput output) throws Exception {
        List<String> answers = new ArrayList<>();
        TestDatabases.Database database = TestDatabases.fresh();
        String tenant = UUID.randomUUID().toString();
        String client = UUID.randomUUID().toString();
        try (EntraFakes fakes = new EntraFakes(); FakeConnector connector = new FakeConnector()) {
            fakes.entra().registerApp(tenant, client, FIRST_SECRET).registerApp(tenant, client, ROTATED_SECRET);
            Map<String, Object> settings = RunningBot.defaults(database);
            settings.put("BOOTSTRAP_ADMIN_IDS", ADMIN_ID);
            settings.put("DIRECTORY_CHECK_ANSWER_WITHIN", "20s");
            try (RunningBot bot = fakes.startBot(settings)) {
                TeamsUser admin = new TeamsUser(ORG, ADMIN_ID, "Adele Vance", connector);
                AdminDialogs dialogs = new AdminDialogs(bot, admin);

                JsonNode opened = dialogs.openRegistration();
                answers.add(opened.toString());
                String requestKey = AdminDialogs.requestKeyOf(AdminDialogs.dialogCard(opened));
                answers.add(dialogs.submitRegistration(requestKey,
                        AdminDialogs.registration("", tenant, client, FIRST_SECRET)).toString());
                answers.add(dialogs.submitRegistration(requestKey,
                        AdminDialogs.registration("Leak test", tenant, client, FIRST_SECRET)).toString());
                Directory directory = bot.bean(DirectoryAccess.class).forTenant(tenant).orElseThrow();
                answers.add(dialogs.openManage(directory.id()).toString());
                answers.add(dialogs.submitManage(directory.id(), directory.version(),
                        Map.of("name", "Leak test renamed", "expiresOn", "", "newSecret", "")).toString());
                directory = bot.bean(DirectoryAccess.class).forTenant(tenant).orElseThrow();
                answers.add(dialogs.submitManage(directory.id(), directory.version(),
                        Map.of("name", "Leak test renamed", "expiresOn", "", "newSecret", WRONG_SECRET)).toString());
                Map<String, String> rotate = new HashMap<>(Map.of("name", "Leak test renamed", "expiresOn", "",
                        "newSecret", ROTATED_SECRET));
                answers.add(dialogs.submitManage(directory.id(), directory.version(), rotate).toString());
                answers.add(dialogs.execute("directories.check", Map.of("directoryId", directory.id().toString())).toString());
                admin.send(bot, admin.message("directories"));
                admin.send(bot, admin.message("audit"));
                connector.await(call -> call.card().toString().contains("Audit trail"));

                assertThat(bot.bean(DirectoryAccess.class).credentialsOf(directory).clientSecret()).isEqualTo(ROTATED_SECRET);
                // The journey went where it should, so every path below was really taken: the nameless form was
                // refused at its field, the wrong secret reached Entra ID and was refused there.
                assertThat(answers.get(1)).contains("Give the directory a name");
                assertThat(answers.get(5)).contains("AADSTS7000215");
                assertNoSecretIn("the log", output.getAll());
                assertNoSecretIn("the HTTP answers", String.join("\n", answers));
                assertNoSecretIn("the connector calls", connector.calls().toString());
                assertNoSecretIn("the audit trail and the stored rows", tables(database));
            }
        }
    }

    private static void assertNoSecretIn(String where, String text) {
        assertThat(text).as(where).isNotBlank()
                .doesNotContain(FIRST_SECRET).doesNotContain(WRONG_SECRET).doesNotContain(ROTATED_SECRET)
                .doesNotContain("SECRET-value");
    }

    /** Every row of the tables the bot writes, as text; byte columns decoded so a plaintext secret would show. */
    private static String tables(TestDatabases.Database database) throws SQLException {
        StringBuilder all = new StringBuilder();
        try (Connection connection = DriverManager.getConnection(database.url(), database.username(), database.password());
             Statement statement = connection.createStatement()) {
            for (String table : List.of("audit_log", "directories", "bot_state", "role_grants")) {
                try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                    while (rows.next()) {
                        for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                            Object value = rows.getObject(column);
                            all.append(value instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1) : value).append('|');
                        }
                        all.append('\n');
                    }
                }
            }
        }
        return all.toString();
    }
}
