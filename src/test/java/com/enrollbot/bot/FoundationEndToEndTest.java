package com.enrollbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;

import com.enrollbot.testing.FakeConnector;
import com.enrollbot.testing.RunningBot;
import com.enrollbot.testing.TeamsUser;
import com.enrollbot.testing.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The bot through its front door: Teams-shaped activities over HTTP, replies captured on a fake connector. */
@ExtendWith(OutputCaptureExtension.class)
class FoundationEndToEndTest {

    private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private static final String ADMIN_ID = "a1a1a1a1-0000-4000-8000-000000000001";

    private static FakeConnector connector;
    private static TestDatabases.Database database;
    private static RunningBot bot;

    @BeforeAll
    static void start() {
        connector = new FakeConnector();
        database = TestDatabases.fresh();
        Map<String, Object> settings = RunningBot.defaults(database);
        settings.put("BOOTSTRAP_ADMIN_IDS", ADMIN_ID);
        bot = RunningBot.start(settings);
    }

    @AfterAll
    static void stop() throws Exception {
        bot.close();
        connector.close();
    }

    @BeforeEach
    void clearReplies() {
        connector.clear();
    }

    private TeamsUser employee() {
        return TeamsUser.random(TENANT, "Alex Wilber", connector);
    }

    @Test
    void installingTheAppSendsAWelcomeCard() {
        TeamsUser alex = employee();

        HttpResponse<String> response = alex.send(bot, alex.botAdded());

        assertThat(response.statusCode()).isBetween(200, 202);
        FakeConnector.Call reply = connector.await(call -> call.path().contains(alex.conversationId()));
        assertThat(reply.card().path("body").toString()).contains("Hi Alex, I am the Directory Enrollment bot");
    }

    @Test
    void helpCardListsOnlyWhatTheRoleAllows() {
        TeamsUser alex = employee();
        TeamsUser admin = new TeamsUser(TENANT, ADMIN_ID, "Adele Vance", connector);

        alex.send(bot, alex.message("help"));
        admin.send(bot, admin.message("help"));

        JsonNode employeeCard = connector.await(call -> call.path().contains(alex.conversationId())).card();
        JsonNode adminCard = connector.await(call -> call.path().contains(admin.conversationId())).card();
        assertThat(employeeCard.toString()).contains("Your role here: employee.").doesNotContain("As an admin");
        assertThat(adminCard.toString()).contains("Your role here: admin.");
    }

    @Test
    void unknownTextGetsTheHelpCardNamingWhatWasTyped() {
        TeamsUser alex = employee();

        alex.send(bot, alex.message("what is this \"thing\" ${x}"));

        JsonNode card = connector.await(call -> call.path().contains(alex.conversationId())).card();
        assertThat(card.path("body").path(0).path("text").asText())
                .isEqualTo("I did not understand \"what is this \"thing\" ${x}\".");
        assertThat(card.path("body").path(1).path("text").asText()).isEqualTo("What I can do for you");
    }

    @Test
    void mentionOfTheBotInAChannelIsStrippedBeforeRouting() {
        TeamsUser alex = employee();
        ObjectNode message = alex.message("<at>Directory Enrollment</at> help");
        message.with("conversation").put("conversationType", "channel").put("id", "19:channel@thread.tacv2");
        message.putArray("entities").addObject()
                .put("type", "mention").put("text", "<at>Directory Enrollment</at>")
                .putObject("mentioned").put("id", TeamsUser.BOT_ID).put("name", "Directory Enrollment");

        alex.send(bot, message);

        JsonNode card = connector.await(call -> call.path().contains("19:channel@thread.tacv2")).card();
        assertThat(card.toString()).contains("What I can do for you").doesNotContain("I did not understand");
    }

    @Test
    void malformedJsonGets400WithoutAStackTrace() {
        HttpResponse<String> response = bot.post("/api/messages", "{\"type\": \"message\", ", Map.of());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("must be a Bot Framework activity").doesNotContain("Exception").doesNotContain("at com.");
    }

    @Test
    void jsonThatIsNotAnActivityGets400() {
        assertThat(bot.post("/api/messages", "[1,2,3]", Map.of()).statusCode()).isEqualTo(400);
        assertThat(bot.post("/api/messages", "{\"hello\":\"world\"}", Map.of()).statusCode()).isEqualTo(400);
        assertThat(bot.post("/api/messages", "", Map.of()).statusCode()).isEqualTo(400);
    }

    @Test
    void unknownActivityTypeIsAcknowledgedAndIgnored() {
        TeamsUser alex = employee();
        ObjectNode activity = alex.base("somethingNew");

        HttpResponse<String> response = alex.send(bot, activity);

        assertThat(response.statusCode()).isBetween(200, 202);
        assertThat(connector.calls()).isEmpty();
    }

    @Test
    void activityWithoutTenantOrUserIsToldTheBotWorksInTeamsOnly() {
        TeamsUser alex = employee();
        ObjectNode message = alex.message("help");
        message.with("from").remove("aadObjectId");

        alex.send(bot, message);

        assertThat(connector.await(call -> call.path().contains(alex.conversationId())).text())
                .contains("only help inside Microsoft Teams");
    }

    @Test
    void invokeForAnUnknownVerbIsAnsweredInTheHttpResponse() {
        TeamsUser alex = employee();

        HttpResponse<String> response = alex.send(bot, alex.execute("no.such.verb", alex.message("x")));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = TeamsUser.json(response.body());
        assertThat(body.path("statusCode").asInt()).isEqualTo(200);
        assertThat(body.path("value").asText()).contains("older card");
    }

    @Test
    void taskFetchIsAnsweredWithATaskResponse() {
        TeamsUser alex = employee();

        HttpResponse<String> response = alex.send(bot, alex.taskFetch(TeamsUser.json("{\"verb\":\"no.such.dialog\"}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TeamsUser.json(response.body()).path("task").path("type").asText()).isEqualTo("message");
    }

    @Test
    void aFailingTurnApologisesWithAReferenceAndIsNotRetried(CapturedOutput output) throws Exception {
        TeamsUser alex = employee();
        try (Connection connection = DriverManager.getConnection(database.url(), database.username(), database.password())) {
            connection.createStatement().execute("ALTER TABLE role_grants RENAME TO role_grants_away");
            try {
                HttpResponse<String> response = alex.send(bot, alex.message("help"));

                assertThat(response.statusCode()).isLessThan(300);
            } finally {
                connection.createStatement().execute("ALTER TABLE role_grants_away RENAME TO role_grants");
            }
        }
        JsonNode apology = connector.await(call -> call.card().toString().contains("Reference:")).card();
        String reference = apology.path("body").path(1).path("text").asText().replace("Reference: ", "");
        assertThat(apology.toString()).doesNotContain("Exception").doesNotContain("role_grants");
        String logged = output.getOut().lines().filter(line -> line.contains("Turn failed [correlationId=" + reference + "]"))
                .findFirst().orElseThrow();
        assertThat(logged).contains("role_grants").contains("(at com.enrollbot.");
        assertThat(output.getOut()).doesNotContain("\tat com.enrollbot.");
    }

    @Test
    void healthReportsTheDatabaseAndNothingElseOfActuatorIsExposed() {
        HttpResponse<String> health = bot.get("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(bot.get("/actuator/env").statusCode()).isEqualTo(404);
        assertThat(bot.get("/actuator/beans").statusCode()).isEqualTo(404);
        assertThat(bot.get("/actuator").body()).doesNotContain("env");
    }

    @Test
    void buttonsOnTheHelpCardRunTheirCommandWithTheSameRoleCheck() {
        TeamsUser alex = employee();

        alex.send(bot, alex.submit("activity-1", TeamsUser.json("{\"verb\":\"run\",\"command\":\"help\"}")));

        assertThat(connector.await(call -> call.path().contains(alex.conversationId())).card().toString())
                .contains("What I can do for you");
    }
}
