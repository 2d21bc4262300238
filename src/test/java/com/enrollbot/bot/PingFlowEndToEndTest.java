package com.enrollbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import com.enrollbot.testing.FakeConnector;
import com.enrollbot.testing.RunningBot;
import com.enrollbot.testing.TeamsUser;
import com.enrollbot.testing.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code ping}, the turn that does no work: the load benchmark's floor, and a liveness check for people. */
class PingFlowEndToEndTest {

    private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    private static FakeConnector connector;
    private static RunningBot bot;

    @BeforeAll
    static void start() {
        connector = new FakeConnector();
        bot = RunningBot.start(RunningBot.defaults(TestDatabases.fresh()));
    }

    @AfterAll
    static void stop() throws Exception {
        bot.close();
        connector.close();
    }

    @Test
    void typedPingIsAnsweredWithPongInTheConversation() {
        TeamsUser alex = TeamsUser.random(TENANT, "Alex Wilber", connector);

        HttpResponse<String> response = alex.send(bot, alex.message("ping"));

        assertThat(response.statusCode()).isBetween(200, 202);
        assertThat(connector.await(call -> call.path().contains(alex.conversationId())).text()).isEqualTo("pong");
    }

    @Test
    void pingVerbIsAnsweredWithPongInTheInvokeResponseWithoutSendingAnything() {
        TeamsUser alex = TeamsUser.random(TENANT, "Alex Wilber", connector);

        HttpResponse<String> response = alex.send(bot, alex.execute("ping", TeamsUser.json("{}")));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = TeamsUser.json(response.body());
        assertThat(body.path("type").asText()).isEqualTo("application/vnd.microsoft.activity.message");
        assertThat(body.path("value").asText()).isEqualTo("pong");
        assertThat(connector.calls()).noneMatch(call -> call.path().contains(alex.conversationId()));
    }

    @Test
    void helpListsPingForEveryone() {
        TeamsUser alex = TeamsUser.random(TENANT, "Alex Wilber", connector);

        alex.send(bot, alex.message("help"));

        assertThat(connector.await(call -> call.path().contains(alex.conversationId())).card().toString())
                .contains("Check that the bot is alive");
    }
}
