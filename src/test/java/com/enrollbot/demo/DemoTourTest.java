package com.enrollbot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.enrollbot.demo.standin.DirectoryUser;
import com.enrollbot.testing.FakeConnector;
import com.enrollbot.testing.RunningBot;
import com.enrollbot.testing.TeamsUser;
import com.enrollbot.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The tour of docs/tour.md, step by step, through {@code /api/messages} of the real application started in demo
 * mode: Teams-shaped activities from the people of the Playground configurations, the bot's Graph and Entra calls
 * answered by the demo's stand-in. The steps build on each other, as they do for a new user.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoTourTest {

    private static FakeConnector connector;
    private static RunningBot bot;

    @BeforeAll
    static void startInDemoMode() {
        connector = new FakeConnector();
        Map<String, Object> settings = RunningBot.defaults(TestDatabases.fresh());
        settings.put("spring.profiles.active", DemoMode.PROFILE);
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

    private static TeamsUser playgroundUser(DirectoryUser person) {
        return new TeamsUser(DemoCompany.TIDEWATER.tenantId(), person.id(), person.displayName(), connector);
    }

    @Test
    @Order(1)
    void theAdminOpensThePlaygroundAndGetsTheWelcomeCardOfAnAdmin() {
        TeamsUser morgan = playgroundUser(DemoCompany.ADMIN);

        morgan.send(bot, morgan.botAdded());

        String card = connector.await(call -> call.path().contains(morgan.conversationId())).card().toString();
        assertThat(card).contains("Hi Morgan, I am the Directory Enrollment bot")
                .contains("As an admin");
    }
}
