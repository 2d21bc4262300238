package com.enrollbot.bot.admin;

import static com.enrollbot.bot.admin.DirectoryRegistrationEndToEndTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.enrollbot.core.directory.Directory;
import com.enrollbot.core.directory.DirectoryAccess;
import com.enrollbot.core.directory.DirectoryStatus;
import com.enrollbot.testing.AdminDialogs;
import com.enrollbot.testing.EntraFakes;
import com.enrollbot.testing.FakeConnector;
import com.enrollbot.testing.GraphFault;
import com.enrollbot.testing.RunningBot;
import com.enrollbot.testing.TeamsUser;
import com.enrollbot.testing.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Teams gives an invoke 5 s. A connection check that is slow, throttled or hanging must not hold the answer: the
 * dialog closes saying the check goes on, and the result arrives later as a proactive message in the same
 * conversation. The answer budget is 1 s here so that fakes slower than it, but well within the test's
 * patience, take the background path every time; no test asserts a duration.
 */
class DirectoryTimeBudgetEndToEndTest {

    private static final String ORG = "0e0e0e0e-0000-4000-8000-00000000000a";
    private static final String ADMIN_ID = "a3a3a3a3-0000-4000-8000-0000000000a3";

    private static EntraFakes fakes;
    private static FakeConnector connector;
    private static RunningBot bot;
    private static TeamsUser admin;
    private static AdminDialogs dialogs;

    @BeforeAll
    static void start() {
        fakes = new EntraFakes();
        connector = new FakeConnector();
        Map<String, Object> settings = RunningBot.defaults(TestDatabases.fresh());
        settings.put("BOOTSTRAP_ADMIN_IDS", ADMIN_ID);
        settings.put("DIRECTORY_CHECK_ANSWER_WITHIN", "1s");
        settings.put("DIRECTORY_CHECK_GIVE_UP_AFTER", "5s");
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

    @AfterEach
    void backToNormal() {
        fakes.graph().clearFaults().delay(Duration.ZERO);
        fakes.entra().hang(false).delay(Duration.ZERO);
    }

    private static String guid() {
        return UUID.randomUUID().toString();
    }

    /** Registered by an admin of that tenant's own organization: only such a directory is saved before its check passes. */
    private static JsonNode submit(String name, String tenant, String client, String secret) {
        AdminDialogs own = new AdminDialogs(bot, new TeamsUser(tenant, ADMIN_ID, "Adele Vance", connector));
        String requestKey = AdminDialogs.requestKeyOf(AdminDialogs.dialogCard(own.openRegistration()));
        return own.submitRegistration(requestKey, AdminDialogs.registration(name, tenant, client, secret));
    }

    private static FakeConnector.Call message(String containing) {
        return connector.await(call -> call.text() != null && call.text().contains(containing));
    }

    @Test
    void aSlowGraphClosesTheDialogAtOnceAndTheResultFollowsAsAMessage() {
        String tenant = guid();
        String client = guid();
        fakes.entra().registerApp(tenant, client, "slow-secret");
        fakes.graph().delay(Duration.ofMillis(3500));

        JsonNode answer = submit("Slow", tenant, client, "slow-secret");

        assertThat(answer.has("task")).isFalse();
        assertThat(message("'Slow' is registered.").text()).contains("The connection check of 'Slow' is taking a while;"
                + " I will message you here when it finishes.");
        assertThat(bot.bean(DirectoryAccess.class).forTenant(tenant).orElseThrow().status()).isEqualTo(DirectoryStatus.UNCHECKED);
        FakeConnector.Call followUp = message("The connection check of 'Slow' has finished.");
        assertThat(followUp.text()).contains("It is connected: people of tenant " + tenant + " can enroll now.");
        assertThat(followUp.path()).startsWith("/v3/conversations/" + admin.conversationId() + "/activities");
        assertThat(bot.bean(DirectoryAccess.class).forTenant(tenant).orElseThrow().status()).isEqualTo(DirectoryStatus.CONNECTED);
    }

    @Test
    void throttlingBeyondTheAnswerBudgetIsWaitedOutInTheBackground() {
        String tenant = guid();
        String client = guid();
        fakes.entra().registerApp(tenant, client, "throttled-secret");
        fakes.graph().failNext(1, GraphFault.throttled(Duration.ofSeconds(2)));

        submit("Throttled", tenant, client, "throttled-secret");

        assertThat(message("'Throttled' is registered.").text()).contains("is taking a while");
        assertThat(message("The connection check of 'Throttled' has finished.").text()).contains("It is connected");
    }

    @Test
    void aHangingGraphEndsAsAFailingDirectoryWhoseFollowUpSaysWhatToDo() {
        String tenant = guid();
        String client = guid();
        fakes.entra().registerApp(tenant, client, "hang-secret");
        fakes.graph().failAlways(GraphFault.hang());

        submit("Hanging", tenant, client, "hang-secret");

        assertThat(message("'Hanging' is registered.").text()).contains("is taking a while");
        assertThat(message("The connection check of 'Hanging' has finished.").text()).contains("It is saved as failing,"
                + " so nobody can enroll through it yet. Entra ID or Microsoft Graph did not answer in time. Check again in a few minutes.");
        Directory directory = bot.bean(DirectoryAccess.class).forTenant(tenant).orElseThrow();
        assertThat(directory.status()).isEqualTo(DirectoryStatus.FAILING);
    }

    @Test
    void aHangingTokenEndpointIsTreatedTheSame() {
        String tenant = guid();
        String client = guid();
        fakes.entra().registerApp(tenant, client, "token-hang-secret");
        fakes.entra().hang(true);

        submit("Token hang", tenant, client, "token-hang-secret");

        assertThat(message("'Token hang' is registered.").text()).contains("is taking a while");
        assertThat(message("The connection check of 'Token hang' has finished.").text())
                .contains("Entra ID or Microsoft Graph did not answer in time.");
    }

    @Test
    void checkAgainOnASlowDirectoryAnswersAtOnceAndFollowsUp() {
        String tenant = guid();
        String client = guid();
        fakes.entra().registerApp(tenant, client, "recheck-secret");
        Directory directory = dialogs.register("Recheck", tenant, client, "recheck-secret");
        fakes.graph().delay(Duration.ofMillis(2500));

        JsonNode answer = dialogs.execute("directories.check", Map.of("directoryId", directory.id().toString()));

        assertThat(text(answer.path("value"))).contains("The connection check of 'Recheck' is taking a while");
        assertThat(message("The connection check of 'Recheck' has finished.").text()).contains("It is connected");
    }
}
