package com.enrollbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.enrollbot.core.access.Role;
import com.enrollbot.testing.FakeConnector;
import com.enrollbot.testing.RunningBot;
import com.enrollbot.testing.TeamsUser;
import com.enrollbot.testing.TestDatabases;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Two instances of the bot behind a load balancer share one database: a conversation whose turns alternate
 * between them must carry on as if one bot served it. The conversation here is a command that asks for its
 * argument and takes the next message as the answer (a flow registered only for this test).
 */
class MultiInstanceConversationTest {

    private static final String TENANT = "6e5d4c3b-2a19-4807-b6f5-e4d3c2b1a090";

    private static FakeConnector connector;
    private static RunningBot first;
    private static RunningBot second;

    /** Asks what to note, then repeats the answer: the smallest conversation that needs state between turns. */
    static final class NoteFlow implements Flow {
        @Override
        public void register(Routes routes) {
            routes.commandAsking("note", "note <text>", "Note something down", Role.EMPLOYEE, "What should I note?",
                    (turn, text) -> turn.sendText("Noted: " + text));
        }
    }

    @BeforeAll
    static void start() {
        connector = new FakeConnector();
        TestDatabases.Database database = TestDatabases.fresh();
        ApplicationContextInitializer<GenericApplicationContext> noteFlow = context -> context.registerBean(NoteFlow.class);
        first = RunningBot.start(RunningBot.defaults(database), noteFlow);
        second = RunningBot.start(RunningBot.defaults(database), noteFlow);
    }

    @AfterAll
    static void stop() throws Exception {
        first.close();
        second.close();
        connector.close();
    }

    @BeforeEach
    void clear() {
        connector.clear();
    }

    private List<String> textsTo(TeamsUser user) {
        return connector.calls().stream()
                .filter(call -> call.path().contains(user.conversationId()) && call.text() != null)
                .map(FakeConnector.Call::text)
                .toList();
    }

    private void say(TeamsUser user, RunningBot instance, String text, int repliesSoFar) {
        user.send(instance, user.message(text));
        connector.await(call -> textsTo(user).size() >= repliesSoFar);
    }

    @Test
    void aQuestionAskedByOneInstanceIsAnsweredThroughTheOther() {
        TeamsUser megan = TeamsUser.random(TENANT, "Megan Bowen", connector);

        say(megan, first, "note", 1);
        say(megan, second, "call the helpdesk about my phone", 2);
        say(megan, first, "note", 3);
        say(megan, second, "cancel", 4);
        say(megan, first, "note", 5);
        say(megan, second, "buy milk", 6);

        assertThat(textsTo(megan)).containsExactly(
                "What should I note? (or type 'cancel')",
                "Noted: call the helpdesk about my phone",
                "What should I note? (or type 'cancel')",
                "OK, I dropped that. Type 'help' to see what I can do.",
                "What should I note? (or type 'cancel')",
                "Noted: buy milk");
        int stateRows = first.bean(Jdbi.class).withHandle(handle -> handle
                .select("SELECT count(*) FROM bot_state WHERE state_key LIKE ?", "%" + megan.objectId() + "%")
                .mapTo(Integer.class).one());
        assertThat(stateRows).as("no state is left behind once the question is answered").isZero();
    }

    @Test
    void aCommandTypedInsteadOfAnAnswerRunsAndDropsTheQuestion() {
        TeamsUser lee = TeamsUser.random(TENANT, "Lee Gu", connector);

        say(lee, second, "note", 1);
        lee.send(first, lee.message("help"));
        connector.await(call -> call.path().contains(lee.conversationId()) && call.card().toString().contains("What I can do"));
        lee.send(second, lee.message("anything"));

        connector.await(call -> call.path().contains(lee.conversationId())
                && call.card().path("body").path(0).path("text").asText().equals("I did not understand \"anything\"."));
        assertThat(textsTo(lee)).containsExactly("What should I note? (or type 'cancel')");
    }

    @Test
    void twoPeopleInOneGroupChatEachHaveTheirOwnQuestion() {
        TeamsUser adele = TeamsUser.random(TENANT, "Adele Vance", connector);
        TeamsUser alex = TeamsUser.random(TENANT, "Alex Wilber", connector);
        Map<String, RunningBot> instanceOf = Map.of(adele.objectId(), first, alex.objectId(), second);

        CompletableFuture.allOf(
                CompletableFuture.runAsync(() -> adele.send(instanceOf.get(adele.objectId()), inGroup(adele, "note"))),
                CompletableFuture.runAsync(() -> alex.send(instanceOf.get(alex.objectId()), inGroup(alex, "note")))).join();
        adele.send(second, inGroup(adele, "from adele"));
        alex.send(first, inGroup(alex, "from alex"));

        connector.await(call -> call.text() != null && call.text().equals("Noted: from adele"));
        connector.await(call -> call.text() != null && call.text().equals("Noted: from alex"));
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode inGroup(TeamsUser user, String text) {
        var message = user.message(text);
        message.with("conversation").put("id", "19:group-chat@thread.v2").put("conversationType", "groupChat");
        return message;
    }
}
