package com.enrollbot.bot.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import com.enrollbot.core.directory.Directory;
import com.enrollbot.core.directory.DirectoryAccess;
import com.enrollbot.core.directory.DirectoryStatus;
import com.enrollbot.testing.AdminDialogs;
import com.enrollbot.testing.EntraFakes;
import com.enrollbot.testing.FakeConnector;
import com.enrollbot.testing.FakeUser;
import com.enrollbot.testing.RunningBot;
import com.enrollbot.testing.TeamsUser;
import com.enrollbot.testing.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An admin registers directories through the Register dialog, against the real SDKs and the Entra/Graph fakes. */
class DirectoryRegistrationEndToEndTest {

    private static final String ORG = "0c0c0c0c-0000-4000-8000-00000000000a";
    private static final String ADMIN_ID = "a1a1a1a1-0000-4000-8000-0000000000a1";

    private static EntraFakes fakes;
    private static FakeConnector connector;
    private static RunningBot bot;
    private static TeamsUser admin;
    private static AdminDialogs dialogs;

    @BeforeAll
    static void start() {
        fakes = new EntraFakes();
        fakes.graph().putUser(FakeUser.member("Megan Bowen", "megan@contoso.test", "megan@contoso.test", "+1 425 555 0109"));
        connector = new FakeConnector();
        Map<String, Object> settings = RunningBot.defaults(TestDatabases.fresh());
        settings.put("BOOTSTRAP_ADMIN_IDS", ADMIN_ID);
        // Outcomes, not timing, are specified here: a cold JVM's first check must not turn into a background one.
        // DirectoryTimeBudgetEndToEndTest specifies the background path.
        settings.put("DIRECTORY_CHECK_ANSWER_WITHIN", "20s");
        settings.put("DIRECTORY_CHECK_GIVE_UP_AFTER", "20s");
        bot = fakes.startBot(settings);
        admin = new TeamsUser(ORG, ADMIN_ID, "Adele Vance", connector);
        dialogs = new AdminDialogs(bot, admin);
    }

    @AfterAll
    static void stop() throws Exception {
        bot.close();
        connector.close();
        fakes.close();
    }

    private static String guid() {
        return UUID.randomUUID().toString();
    }

    @Test
    void registeringAWorkingAppSavesItConnectedClosesTheDialogAndPostsTheList() {
        String tenant = guid();
        String client = guid();
        fakes.entra().registerApp(tenant, client, "s3cret-value-1");

        Directory directory = dialogs.register("Contoso", tenant, client, "s3cret-value-1");

        assertThat(directory.status()).isEqualTo(DirectoryStatus.CONNECTED);
        assertThat(directory.orgId()).isEqualTo(ORG);
        assertThat(directory.displayName()).isEqualTo("Contoso");
        assertThat(connector.await(call -> call.text() != null && call.text().contains("'Contoso' is registered")).text())
                .contains("It is connected");
        assertThat(connector.await(call -> call.card().toString().contains(tenant)).card().toString())
                .contains("Connected").contains("Contoso");
        assertThat(bot.bean(DirectoryAccess.class).credentialsOf(directory).clientSecret()).isEqualTo("s3cret-value-1");
    }

    @Test
    void theRegisterDialogOpensWithEmptyFieldsAPasswordSecretInputAndARequestKey() {
        JsonNode card = AdminDialogs.dialogCard(dialogs.openRegistration());

        assertThat(UUID.fromString(AdminDialogs.requestKeyOf(card))).isNotNull();
        assertThat(card.path("body").findValues("id").stream().map(JsonNode::asText))
                .contains("name", "tenantId", "clientId", "secret", "expiresOn");
        JsonNode secretInput = input(card, "secret");
        assertThat(secretInput.path("style").asText()).isEqualTo("password");
        assertThat(secretInput.has("value")).isFalse();
    }

    static JsonNode input(JsonNode card, String id) {
        for (JsonNode element : card.path("body")) {
            if (id.equals(element.path("id").asText())) {
                return element;
            }
        }
        throw new AssertionError("No input " + id + " on " + card);
    }
}
