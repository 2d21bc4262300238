package com.enrollbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import com.enrollbot.testing.FakeConnector;
import com.enrollbot.testing.TeamsUser;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.SimpleChannelProvider;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.Serialization;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The adapter sends a turn's activities itself (no blocking thread per reply): what botbuilder promised still holds. */
class TeamsBotAdapterTest {

    private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    private final FakeConnector connector = new FakeConnector();
    private final TeamsBotAdapter adapter = new TeamsBotAdapter(new SimpleCredentialProvider(),
            new AuthenticationConfiguration(), new SimpleChannelProvider(), null);

    @AfterEach
    void stop() throws Exception {
        connector.close();
    }

    @Test
    void activitiesOfOneTurnReachTheConnectorInOrderAndTracesStayInTheBot() throws Exception {
        connector.latency(Duration.ofMillis(50));
        TeamsUser alex = TeamsUser.random(TENANT, "Alex Wilber", connector);
        Activity message = Serialization.treeToValue(alex.message("hello"), Activity.class);
        Activity trace = Activity.createTraceActivity("debug", null, null, null);

        adapter.processActivity("", message, turn -> turn.sendActivities(List.of(
                MessageFactory.text("one"), trace, MessageFactory.text("two"), MessageFactory.text("three")))
                .thenApply(sent -> null)).join();

        assertThat(connector.calls()).extracting(FakeConnector.Call::text).containsExactly("one", "two", "three");
    }

    @Test
    void invokeResponseSentByTheTurnIsTheHttpAnswerAndNotAMessage() throws Exception {
        TeamsUser alex = TeamsUser.random(TENANT, "Alex Wilber", connector);
        Activity invoke = Serialization.treeToValue(alex.execute("ping", TeamsUser.json("{}")), Activity.class);
        Activity answer = new Activity(ActivityTypes.INVOKE_RESPONSE);
        answer.setValue(new InvokeResponse(200, "pong"));

        InvokeResponse response = adapter.processActivity("", invoke,
                turn -> turn.sendActivity(answer).thenApply(sent -> null)).join();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo("pong");
        assertThat(connector.calls()).isEmpty();
    }
}
