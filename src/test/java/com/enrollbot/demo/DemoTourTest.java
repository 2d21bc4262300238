package com.enrollbot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.enrollbot.core.directory.Directory;
import com.enrollbot.core.directory.DirectoryAccess;
import com.enrollbot.core.directory.DirectoryStatus;
import com.enrollbot.demo.standin.DirectoryUser;
import com.enrollbot.testing.AdminDialogs;
import com.enrollbot.testing.FakeConnector;
import com.enrollbot.testing.RunningBot;
import com.enrollbot.testing.TeamsUser;
import com.enrollbot.testing.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The tour of the README's demo tour, step by step, through {@code /api/messages} of the real application started in demo
 * mode: Teams-shaped activities from the people of the Playground configurations, the bot's Graph and Entra calls
 * answered by the demo's stand-in. The steps build on each other, as they do for a new user. Each card the tour
 * shows is kept in {@code target/demo-tour/} for the screenshots in docs/images (rendered with render-card.js).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoTourTest {

    private static final Path KEPT_CARDS = Path.of("target", "demo-tour");

    private static FakeConnector connector;
    private static Path dataDir;
    private static RunningBot bot;

    @BeforeAll
    static void startInDemoMode() {
        connector = new FakeConnector();
        Map<String, Object> settings = RunningBot.defaults(TestDatabases.fresh());
        settings.put("spring.profiles.active", DemoMode.PROFILE);
        // As a new user starts it: no key configured, so the local-development rule generates one.
        settings.remove("SECRET_ENCRYPTION_KEY");
        // A cold JVM may take longer than the dialogs' 3 seconds to check a secret; the tour is about outcomes.
        settings.put("DIRECTORY_CHECK_ANSWER_WITHIN", "20s");
        dataDir = Path.of((String) settings.get("DATA_DIR"));
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

    private static JsonNode replyTo(TeamsUser person) {
        return connector.await(call -> call.path().contains(person.conversationId())).card();
    }

    /** Types a message and returns the card the bot answers it with. */
    private static JsonNode say(TeamsUser person, String text) {
        connector.clear();
        assertThat(person.send(bot, person.message(text)).statusCode()).isBetween(200, 202);
        return replyTo(person);
    }

    /** Presses an Action.Execute button of the card and returns the card that replaces it. */
    private static JsonNode press(TeamsUser person, JsonNode card, String verb) {
        return press(person, card, verb, Map.of());
    }

    /**
     * Presses the first Action.Execute button with this verb anywhere on the card (a helpdesk card has one set per
     * person), with the card's inputs as typed merged into its data, as Teams sends them; the card that replaces it.
     */
    private static JsonNode press(TeamsUser person, JsonNode card, String verb, Map<String, String> inputs) {
        JsonNode button = button(card, verb);
        assertThat(button).as("a %s button on %s", verb, card).isNotNull();
        ObjectNode data = button.path("data").isObject() ? button.path("data").deepCopy() : JsonNodeFactory.instance.objectNode();
        inputs.forEach(data::put);
        HttpResponse<String> response = person.send(bot, person.execute(verb, data));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = TeamsUser.json(response.body());
        assertThat(answer.path("type").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        return answer.path("value");
    }

    private static JsonNode button(JsonNode node, String verb) {
        if ("Action.Execute".equals(node.path("type").asText()) && verb.equals(node.path("verb").asText())) {
            return node;
        }
        for (JsonNode child : node) {
            JsonNode found = button(child, verb);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static TeamsUser playgroundUser(DirectoryUser person) {
        return new TeamsUser(DemoCompany.TIDEWATER.tenantId(), person.id(), person.displayName(), connector);
    }

    @Test
    @Order(1)
    void theAdminOpensThePlaygroundAndGetsTheWelcomeCardOfAnAdmin() {
        TeamsUser morgan = playgroundUser(DemoCompany.ADMIN);

        morgan.send(bot, morgan.botAdded());

        JsonNode card = replyTo(morgan);
        keep("welcome-admin", card);
        assertThat(card.toString()).contains("Hi Morgan, I am the Directory Enrollment bot")
                .contains("As an admin");
    }

    @Test
    @Order(2)
    void theDemoDirectoryIsRegisteredAndConnectedWithAKeyFromTheLocalDevelopmentRule() {
        TeamsUser morgan = playgroundUser(DemoCompany.ADMIN);

        morgan.send(bot, morgan.message("directories"));

        JsonNode card = replyTo(morgan);
        keep("directories", card);
        assertThat(card.toString()).contains(DemoCompany.TIDEWATER.name()).contains(DemoCompany.TIDEWATER.tenantId())
                .contains("Connected").doesNotContain(DemoCompany.TIDEWATER.clientSecret());
        assertThat(dataDir.resolve("secret-encryption.key")).isRegularFile();
    }

    @Test
    @Order(3)
    void theAdminRegistersTheSecondDemoDirectoryThroughTheRegisterDialogAfterAWrongSecretIsExplained() {
        TeamsUser morgan = playgroundUser(DemoCompany.ADMIN);
        AdminDialogs dialogs = new AdminDialogs(bot, morgan);
        DemoCompany.Tenant rentals = DemoCompany.RENTALS;

        JsonNode form = AdminDialogs.dialogCard(dialogs.openRegistration());
        keep("register-directory", form);
        JsonNode refused = dialogs.submitRegistration(AdminDialogs.requestKeyOf(form),
                AdminDialogs.registration(rentals.name(), rentals.tenantId(), rentals.clientId(), "not-the-secret"));
        assertThat(AdminDialogs.dialogCard(refused).toString()).contains("AADSTS7000215");
        Directory registered = dialogs.register(rentals.name(), rentals.tenantId(), rentals.clientId(), rentals.clientSecret());

        assertThat(registered.status()).isEqualTo(DirectoryStatus.CONNECTED);
        assertThat(registered.orgId()).isEqualTo(DemoCompany.TIDEWATER.tenantId());
    }

    @Test
    @Order(4)
    void theAdminRotatesTheSecondDirectorysSecretThroughTheManageDialogKeepingTheOldOneWhenTheNewOneFails() {
        TeamsUser morgan = playgroundUser(DemoCompany.ADMIN);
        AdminDialogs dialogs = new AdminDialogs(bot, morgan);
        DemoCompany.Tenant rentals = DemoCompany.RENTALS;
        Directory directory = bot.bean(DirectoryAccess.class).forTenant(rentals.tenantId()).orElseThrow();

        assertThat(AdminDialogs.dialogCard(dialogs.openManage(directory.id())).toString()).contains(rentals.name());
        JsonNode wrong = dialogs.submitManage(directory.id(), directory.version(),
                Map.of("name", rentals.name(), "expiresOn", "", "newSecret", "not-the-secret"));
        assertThat(AdminDialogs.dialogCard(wrong).toString())
                .contains("The new secret failed its connection check, so I kept the old one").contains("AADSTS7000215");
        connector.clear();
        JsonNode rotated = dialogs.submitManage(directory.id(), directory.version(),
                Map.of("name", rentals.name(), "expiresOn", "", "newSecret", rentals.newClientSecret()));

        assertThat(rotated.has("task")).as("the dialog closed: %s", rotated).isFalse();
        assertThat(connector.await(call -> call.text() != null && call.path().contains(morgan.conversationId())).text())
                .contains("'Tidewater Rentals' is given its new secret.");
        Directory now = bot.bean(DirectoryAccess.class).forTenant(rentals.tenantId()).orElseThrow();
        assertThat(now.status()).isEqualTo(DirectoryStatus.CONNECTED);
        assertThat(bot.bean(DirectoryAccess.class).credentialsOf(now).clientSecret()).isEqualTo(rentals.newClientSecret());
    }

    @Test
    @Order(5)
    void theHelpdeskAgentIsHelpdesk() {
        TeamsUser priya = playgroundUser(DemoCompany.HELPDESK);

        priya.send(bot, priya.message("help"));

        assertThat(replyTo(priya).toString()).contains("Your role here: helpdesk.");
    }

    @Test
    @Order(6)
    void aCompleteEmployeeEnrollsAndGetsAReceipt() {
        TeamsUser jonas = playgroundUser(DemoCompany.COMPLETE_EMPLOYEE);

        JsonNode confirm = say(jonas, "enroll");
        keep("enroll-confirm", confirm);
        assertThat(confirm.toString()).contains("Check your details, then enroll").contains("Jonas Berg")
                .contains("jonas.berg@tidewater-bikes.example").contains(DemoCompany.TIDEWATER.name())
                .doesNotContain("555 0103");

        JsonNode receipt = press(jonas, confirm, "enroll.confirm");
        keep("enroll-receipt", receipt);
        assertThat(receipt.toString()).contains("You are enrolled");
        assertThat(receipt.path("actions").size()).isZero();
    }

    @Test
    @Order(7)
    void theEmployeeWithoutAMobileNumberCannotEnrollAndReadsWhy() {
        TeamsUser lena = playgroundUser(DemoCompany.NO_MOBILE);

        JsonNode card = say(lena, "enroll");
        keep("enroll-profile-incomplete", card);

        assertThat(card.toString()).contains("Your profile is not complete enough to enroll yet")
                .contains("Mobile phone (mobilePhone) is empty").contains("Your IT admin").contains("Check again");
    }

    @Test
    @Order(8)
    void theItAdminAddsHerMobileNumberWithTheTourScriptAndAfterCheckAgainSheEnrolls() {
        TeamsUser lena = playgroundUser(DemoCompany.NO_MOBILE);
        JsonNode incomplete = say(lena, "enroll");

        String changed = editUser(DemoCompany.NO_MOBILE.id(), "mobilePhone", "+1 206 555 0142");
        assertThat(changed).contains("\"mobilePhone\":\"+1 206 555 0142\"");

        JsonNode confirm = press(lena, incomplete, "enroll.check");
        assertThat(confirm.toString()).contains("Check your details, then enroll").contains("Lena Fischer")
                .doesNotContain("555 0142");
        JsonNode receipt = press(lena, confirm, "enroll.confirm");
        assertThat(receipt.toString()).contains("You are enrolled");
        assertThat(receipt.path("actions").size()).isZero();
    }

    @Test
    @Order(9)
    void theHelpdeskAgentSeesWhetherSomeoneNotEnrolledCouldEnrollAndResetsJonasWhoThenEnrollsAgain() {
        TeamsUser priya = playgroundUser(DemoCompany.HELPDESK);
        TeamsUser jonas = playgroundUser(DemoCompany.COMPLETE_EMPLOYEE);

        assertThat(say(priya, "status Tom").toString()).contains("Tomás Ortega").contains("Not enrolled")
                .contains("Could enroll now: no").contains("E-mail (mail) is empty");
        JsonNode found = say(priya, "status Jon");
        keep("helpdesk-person", found);
        assertThat(found.toString()).contains("Jonas Berg").contains("Enrolled").contains("Could enroll now: enrolled already");

        JsonNode form = press(priya, found, "helpdesk.reset");
        JsonNode confirmation = press(priya, form, "helpdesk.reset.review", Map.of("reason", "New phone"));
        assertThat(confirmation.toString()).contains("Reset the enrollment of Jonas Berg?").contains("New phone");
        JsonNode reset = press(priya, confirmation, "helpdesk.reset.confirm");
        assertThat(reset.toString()).contains("Done: the enrollment of Jonas Berg is revoked").contains("Revoked")
                .contains("New phone").contains("Could enroll now: yes");
        assertThat(connector.await(call -> call.path().contains(jonas.conversationId())
                && String.valueOf(call.text()).contains("reset your enrollment")).text()).contains("Reason: New phone");

        JsonNode receipt = press(jonas, say(jonas, "enroll"), "enroll.confirm");
        assertThat(receipt.toString()).contains("You are enrolled");
    }

    /** Runs scripts/demo-edit-user.sh as the README's demo tour does, against the running demo's data folder; its output. */
    private static String editUser(String objectId, String property, String value) {
        ProcessBuilder script = new ProcessBuilder("bash", "scripts/demo-edit-user.sh", objectId, property, value)
                .redirectErrorStream(true);
        script.environment().put("DATA_DIR", dataDir.toString());
        try {
            Process process = script.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the script finished").isTrue();
            assertThat(process.exitValue()).as("exit code of demo-edit-user.sh: %s", output).isZero();
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void keep(String name, JsonNode card) {
        try {
            Files.createDirectories(KEPT_CARDS);
            Files.writeString(KEPT_CARDS.resolve(name + ".json"), card.toPrettyString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
