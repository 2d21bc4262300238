package com.enrollbot.bot.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.enrollbot.core.directory.Directory;
import com.enrollbot.testing.AdminDialogs;
import com.enrollbot.testing.EntraFakes;
import com.enrollbot.testing.FakeConnector;
import com.enrollbot.testing.FakeUser;
import com.enrollbot.testing.GraphFault;
import com.enrollbot.testing.RunningBot;
import com.enrollbot.testing.TeamsUser;
import com.enrollbot.testing.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * An employee's enrollment through the front door: Teams-shaped activities over HTTP to the real application,
 * which reads profiles with the real Graph SDK and azure-identity from HTTPS fakes of Graph and Entra ID and
 * stores enrollments in a real PostgreSQL. Directories are registered the way admins do it, through the
 * directory dialogs. Two instances of the bot share the database, as behind a load balancer.
 */
class EnrollmentEndToEndTest {

    private static final String ADMIN_ID = "a1a1a1a1-0000-4000-8000-00000000000a";
    private static final String SECRET = "directory-secret-value";

    private static FakeConnector connector;
    private static EntraFakes fakes;
    private static TestDatabases.Database database;
    private static RunningBot bot;
    private static RunningBot secondBot;
    private static String tenant;
    /** Both instances decrypt the directories' secrets with the same key, as production instances do. */
    private static final String ENCRYPTION_KEY = randomKey();

    @BeforeAll
    static void start() {
        connector = new FakeConnector();
        fakes = new EntraFakes();
        database = TestDatabases.fresh();
        bot = fakes.startBot(settings());
        secondBot = fakes.startBot(settings());
        tenant = UUID.randomUUID().toString();
        register(bot, tenant, "Contoso");
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static Map<String, Object> settings() {
        Map<String, Object> settings = RunningBot.defaults(database);
        settings.put("BOOTSTRAP_ADMIN_IDS", ADMIN_ID);
        settings.put("PHONE_DEFAULT_REGION", "SE");
        settings.put("SECRET_ENCRYPTION_KEY", ENCRYPTION_KEY);
        return settings;
    }

    @AfterAll
    static void stop() throws Exception {
        secondBot.close();
        bot.close();
        fakes.close();
        connector.close();
    }

    @AfterEach
    void clearFaults() {
        fakes.graph().clearFaults();
    }

    private static TeamsUser admin(String tenantId) {
        return new TeamsUser(tenantId, ADMIN_ID, "Adele Vance", connector);
    }

    /** Registers a directory for the tenant through the admin's Register dialog, with an app known to Entra. */
    private static Directory register(RunningBot through, String tenantId, String name) {
        String clientId = UUID.randomUUID().toString();
        fakes.entra().registerApp(tenantId, clientId, SECRET);
        return new AdminDialogs(through, admin(tenantId)).register(name, tenantId, clientId, SECRET);
    }

    private static TeamsUser employee(String tenantId, FakeUser user) {
        fakes.graph().putUser(user);
        return new TeamsUser(tenantId, user.id(), user.displayName(), connector);
    }

    private static FakeUser ada() {
        return FakeUser.member("Ada Lovelace", "ada@contoso.example", "ada@contoso.example", "+46 70 123 45 12");
    }

    /** Sends a message and returns the card the bot posted in answer. */
    private static JsonNode say(RunningBot to, TeamsUser user, String text) {
        int before = callsTo(user).size();
        HttpResponse<String> response = user.send(to, user.message(text));
        assertThat(response.statusCode()).isBetween(200, 202);
        return connector.await(call -> isTo(user, call) && callsTo(user).indexOf(call) >= before).card();
    }

    private static List<FakeConnector.Call> callsTo(TeamsUser user) {
        return connector.calls().stream().filter(call -> isTo(user, call)).toList();
    }

    /** The bootstrap admin has one object id in every test tenant, so the tenant tells their chats apart. */
    private static boolean isTo(TeamsUser user, FakeConnector.Call call) {
        return call.path().contains(user.conversationId())
                && user.tenantId().equals(call.activity().path("conversation").path("tenantId").asText());
    }

    /** Waits for the admin's notice (sent in the background) containing the text; then returns all such notices. */
    private static List<String> noticesTo(TeamsUser admin, String containing) {
        connector.await(call -> isTo(admin, call) && String.valueOf(call.text()).contains(containing));
        return callsTo(admin).stream().map(FakeConnector.Call::text)
                .filter(text -> text != null && text.contains(containing)).toList();
    }

    /** Presses an Action.Execute button of a card; returns the card that replaces it in place. */
    private static JsonNode press(RunningBot on, TeamsUser user, JsonNode card, String verb) {
        JsonNode answer = invoke(on, user, verb, actionData(card, verb));
        assertThat(answer.path("type").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        return answer.path("value");
    }

    private static JsonNode invoke(RunningBot on, TeamsUser user, String verb, JsonNode data) {
        HttpResponse<String> response = user.send(on, user.execute(verb, data));
        assertThat(response.statusCode()).isEqualTo(200);
        return TeamsUser.json(response.body());
    }

    private static JsonNode actionData(JsonNode card, String verb) {
        for (JsonNode action : card.path("actions")) {
            if (verb.equals(action.path("verb").asText())) {
                return action.path("data");
            }
        }
        throw new AssertionError("No " + verb + " button on " + card);
    }

    private static String text(JsonNode card) {
        return card.toString();
    }

    private static int count(String sql, String objectId) {
        try (Connection connection = DriverManager.getConnection(database.url(), database.username(), database.password());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, objectId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int enrollments(String objectId) {
        return count("SELECT count(*) FROM enrollments WHERE object_id = ?", objectId);
    }

    private static int enrollmentEvents(String objectId) {
        return count("SELECT count(*) FROM enrollment_events ev JOIN enrollments e ON e.id = ev.enrollment_id"
                + " WHERE e.object_id = ?", objectId);
    }

    @Nested
    class HappyPath {

        @Test
        void enrollShowsTheMaskedNumberAndEnrollTurnsTheCardIntoAReceiptWithoutButtons() {
            TeamsUser ada = employee(tenant, ada());

            JsonNode confirm = say(bot, ada, "enroll");

            assertThat(text(confirm)).contains("Check your details, then enroll").contains("Ada Lovelace")
                    .contains("ada@contoso.example").contains("+46 70 *** ** 12").contains("Contoso")
                    .doesNotContain("123 45");
            assertThat(enrollments(ada.objectId())).isZero();

            JsonNode receipt = press(bot, ada, confirm, "enroll.confirm");

            assertThat(text(receipt)).contains("You are enrolled").contains("+46 70 *** ** 12");
            assertThat(receipt.path("actions").size()).isZero();
            assertThat(enrollments(ada.objectId())).isEqualTo(1);
            assertThat(enrollmentEvents(ada.objectId())).isEqualTo(1);
            assertThat(text(say(bot, ada, "status"))).contains("You are enrolled").contains("Contoso")
                    .contains("+46 70 *** ** 12");
        }

        @Test
        void statusBeforeEnrollingSaysNotEnrolledAndOffersToEnroll() {
            TeamsUser ada = employee(tenant, ada());

            JsonNode status = say(bot, ada, "status");

            assertThat(text(status)).contains("You are not enrolled").contains("enroll.check");
            assertThat(enrollments(ada.objectId())).isZero();
        }

        @Test
        void enrollingAgainIsAFriendlyAlreadyEnrolledWithoutASecondRowOrEvent() {
            TeamsUser ada = employee(tenant, ada());
            JsonNode confirm = say(bot, ada, "enroll");
            press(bot, ada, confirm, "enroll.confirm");

            assertThat(text(say(bot, ada, "enroll"))).contains("You are already enrolled");
            assertThat(text(press(bot, ada, confirm, "enroll.confirm"))).contains("You are already enrolled");
            assertThat(enrollments(ada.objectId())).isEqualTo(1);
            assertThat(enrollmentEvents(ada.objectId())).isEqualTo(1);
        }

        @Test
        void theEnrollButtonEnrollsThePresserNeverSomeoneNamedInTheCardData() {
            TeamsUser ada = employee(tenant, ada());
            TeamsUser grace = employee(tenant, FakeUser.member("Grace Hopper", "grace@contoso.example",
                    "grace@contoso.example", "+46 70 765 43 21"));
            JsonNode adasCard = say(bot, ada, "enroll");
            com.fasterxml.jackson.databind.node.ObjectNode forged = ((com.fasterxml.jackson.databind.node.ObjectNode)
                    actionData(adasCard, "enroll.confirm").deepCopy()).put("objectId", ada.objectId());

            JsonNode answer = invoke(bot, grace, "enroll.confirm", forged);

            assertThat(text(answer)).contains("Grace Hopper").doesNotContain("Ada Lovelace");
            assertThat(enrollments(ada.objectId())).isZero();
        }
    }

    @Nested
    class Eligibility {

        private JsonNode enrollCardOf(FakeUser user) {
            TeamsUser person = employee(tenant, user);
            JsonNode card = say(bot, person, "enroll");
            assertThat(enrollments(person.objectId())).isZero();
            return card;
        }

        @Test
        void disabledAccountIsToldItsAccountIsDisabledAndWhoCanFixIt() {
            JsonNode card = enrollCardOf(ada().withAccountEnabled(false));

            assertThat(text(card)).contains("Your profile is not complete enough to enroll yet")
                    .contains("Account status (accountEnabled) the account is disabled").contains("Your IT admin")
                    .doesNotContain("(mail)").doesNotContain("(mobilePhone)").contains("Check again");
        }

        @Test
        void guestIsRefusedByDefaultNamingTheBotAdmins() {
            FakeUser guest = new FakeUser(UUID.randomUUID().toString(), "Gus Guest", "gus_fabrikam#EXT#@contoso.example",
                    "gus@fabrikam.example", "+46 70 123 45 12", true, "Guest");

            assertThat(text(enrollCardOf(guest))).contains("Account type (userType) is Guest")
                    .contains("admins of this bot").doesNotContain("(mobilePhone)");
        }

        @Test
        void missingMailIsNamedAlone() {
            assertThat(text(enrollCardOf(ada().withMail(null))))
                    .contains("E-mail (mail) is empty").doesNotContain("(mobilePhone)").doesNotContain("(accountEnabled)");
        }

        @Test
        void missingMobileIsNamedAloneSayingABusinessPhoneDoesNotCount() {
            assertThat(text(enrollCardOf(ada().withMobilePhone(null))))
                    .contains("Mobile phone (mobilePhone) is empty").contains("business phone does not count")
                    .doesNotContain("(mail)");
        }

        @Test
        void invalidMobileIsNamedWithWhatIsWrong() {
            assertThat(text(enrollCardOf(ada().withMobilePhone("+46 70 123 45 12 ext. 7"))))
                    .contains("Mobile phone (mobilePhone) has an extension (7)");
            assertThat(text(enrollCardOf(ada().withMobilePhone("ask reception"))))
                    .contains("Mobile phone (mobilePhone) is not a phone number");
        }

        @Test
        void nationalFormatIsReadInTheDefaultRegion() {
            assertThat(text(enrollCardOf(ada().withMobilePhone("070-123 45 12")))).contains("+46 70 *** ** 12");
        }

        @Test
        void everyFailingFieldIsNamedOnOneCard() {
            FakeUser nothing = new FakeUser(UUID.randomUUID().toString(), "No Body", "nobody@contoso.example", null,
                    "12", false, "Guest");

            assertThat(text(enrollCardOf(nothing))).contains("(accountEnabled)").contains("(userType)")
                    .contains("(mail)").contains("(mobilePhone)");
        }

        @Test
        void checkAgainAfterTheProfileWasFixedReplacesTheCardWithTheConfirmation() {
            FakeUser noMobile = ada().withMobilePhone(null);
            TeamsUser person = employee(tenant, noMobile);
            JsonNode incomplete = say(bot, person, "enroll");

            assertThat(text(press(bot, person, incomplete, "enroll.check"))).contains("not complete enough");

            fakes.graph().putUser(noMobile.withMobilePhone("+46 70 123 45 12"));
            JsonNode confirm = press(bot, person, incomplete, "enroll.check");

            assertThat(text(confirm)).contains("Check your details, then enroll").contains("+46 70 *** ** 12");
            assertThat(text(press(bot, person, confirm, "enroll.confirm"))).contains("You are enrolled");
        }

        @Test
        void guestsAllowedByAnAdminEnrollAndTheChangeIsAudited() {
            String guestTenant = UUID.randomUUID().toString();
            register(bot, guestTenant, "Fabrikam");
            TeamsUser admin = admin(guestTenant);
            FakeUser guest = new FakeUser(UUID.randomUUID().toString(), "Gus Guest", "gus_x#EXT#@fabrikam.example",
                    "gus@fabrikam.example", "+46 70 123 45 12", true, "Guest");
            TeamsUser gus = employee(guestTenant, guest);

            assertThat(text(say(bot, gus, "enroll"))).contains("is Guest");
            say(bot, admin, "guests allow");
            JsonNode confirm = say(bot, gus, "enroll");

            assertThat(text(confirm)).contains("Check your details, then enroll");
            assertThat(text(press(bot, gus, confirm, "enroll.confirm"))).contains("You are enrolled");
            assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'settings.guests' AND org_id = ?",
                    guestTenant)).isEqualTo(1);
        }

        @Test
        void anEmployeeCannotChangeTheGuestSetting() {
            TeamsUser ada = employee(tenant, ada());
            int before = callsTo(ada).size();

            ada.send(bot, ada.message("guests allow"));

            assertThat(connector.await(call -> isTo(ada, call) && callsTo(ada).indexOf(call) >= before).text())
                    .contains("only your organization's admins");
        }
    }

    @Nested
    class StaleCards {

        @Test
        void enrollOnACardWhoseNumberChangedShowsTheNewDetailsAndEnrollsNothing() {
            FakeUser user = ada();
            TeamsUser person = employee(tenant, user);
            JsonNode confirm = say(bot, person, "enroll");
            fakes.graph().putUser(user.withMobilePhone("+46 70 999 88 77"));

            JsonNode fresh = press(bot, person, confirm, "enroll.confirm");

            assertThat(text(fresh)).contains("Check your details again").contains("Your profile changed")
                    .contains("+46 70 *** ** 77");
            assertThat(enrollments(person.objectId())).isZero();
            assertThat(text(press(bot, person, fresh, "enroll.confirm"))).contains("You are enrolled");
        }

        @Test
        void enrollOnACardWhoseProfileLostItsMailShowsWhatIsMissingAndEnrollsNothing() {
            FakeUser user = ada();
            TeamsUser person = employee(tenant, user);
            JsonNode confirm = say(bot, person, "enroll");
            fakes.graph().putUser(user.withMail(null));

            assertThat(text(press(bot, person, confirm, "enroll.confirm"))).contains("E-mail (mail) is empty");
            assertThat(enrollments(person.objectId())).isZero();
        }
    }

    @Nested
    class GraphFaults {

        @Test
        void throttlingThatClearsWithinTheBudgetIsWaitedOut() {
            TeamsUser ada = employee(tenant, ada());
            JsonNode confirm = say(bot, ada, "enroll");
            fakes.graph().failNext(1, GraphFault.throttled(Duration.ofSeconds(1)));

            assertThat(text(press(bot, ada, confirm, "enroll.confirm"))).contains("You are enrolled");
        }

        @Test
        void throttlingBeyondTheBudgetSaysTheDirectoryDidNotAnswerAndWritesNothing() {
            TeamsUser ada = employee(tenant, ada());
            JsonNode confirm = say(bot, ada, "enroll");
            fakes.graph().failAlways(GraphFault.throttled(Duration.ofSeconds(30)));

            JsonNode answer = press(bot, ada, confirm, "enroll.confirm");

            assertThat(text(answer)).contains("The directory did not answer").contains("try again in a minute")
                    .contains("Try again").doesNotContain("429");
            assertThat(enrollments(ada.objectId())).isZero();
        }

        @Test
        void serverErrorsSayTheDirectoryDidNotAnswerAndWriteNothing() {
            TeamsUser ada = employee(tenant, ada());
            JsonNode confirm = say(bot, ada, "enroll");
            fakes.graph().failAlways(GraphFault.serverError(503));

            assertThat(text(press(bot, ada, confirm, "enroll.confirm"))).contains("The directory did not answer")
                    .doesNotContain("503");
            assertThat(enrollments(ada.objectId())).isZero();
        }

        @Test
        void aHangingGraphIsAnsweredWithinTheTeamsInvokeDeadlineAndWritesNothing() {
            TeamsUser ada = employee(tenant, ada());
            JsonNode confirm = say(bot, ada, "enroll");
            fakes.graph().failAlways(GraphFault.hang());

            long start = System.nanoTime();
            JsonNode answer = press(bot, ada, confirm, "enroll.confirm");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            // Teams gives up on an invoke after 5 s and sends it again: this is a deadline, not a speed test.
            assertThat(took).isLessThan(Duration.ofSeconds(5));
            assertThat(text(answer)).contains("The directory did not answer");
            assertThat(enrollments(ada.objectId())).isZero();
        }

        @Test
        void missingGraphPermissionTellsTheEmployeeItIsUnavailableAndTheAdminsOnceWithTheReason() {
            String brokenTenant = UUID.randomUUID().toString();
            register(bot, brokenTenant, "Northwind");
            TeamsUser admin = admin(brokenTenant);
            TeamsUser ada = employee(brokenTenant, ada());
            TeamsUser grace = employee(brokenTenant, FakeUser.member("Grace Hopper", "grace@northwind.example",
                    "grace@northwind.example", "+46 70 765 43 21"));
            fakes.graph().failAlways(GraphFault.forbidden());

            JsonNode adas = say(bot, ada, "enroll");
            say(bot, grace, "enroll");

            assertThat(text(adas)).contains("Enrollment is temporarily unavailable").doesNotContain("403")
                    .doesNotContain("User.Read.All");
            assertThat(noticesTo(admin, "Employees cannot enroll")).singleElement().asString()
                    .contains("Northwind").contains("User.Read.All").doesNotContain(SECRET);
            assertThat(enrollments(ada.objectId())).isZero();
        }

        @Test
        void anExpiredSecretTellsTheEmployeeItIsUnavailableAndTheAdminsWithTheAadstsCode() {
            String expiredTenant = UUID.randomUUID().toString();
            String clientId = UUID.randomUUID().toString();
            fakes.entra().registerApp(expiredTenant, clientId, SECRET);
            TeamsUser admin = admin(expiredTenant);
            new AdminDialogs(bot, admin).register("Tailspin", expiredTenant, clientId, SECRET);
            fakes.entra().expireSecret(expiredTenant, clientId, SECRET);
            TeamsUser ada = employee(expiredTenant, ada());

            // The second instance has no token cached for this directory, so it meets the expired secret.
            assertThat(text(say(secondBot, ada, "enroll"))).contains("Enrollment is temporarily unavailable")
                    .doesNotContain("AADSTS");
            assertThat(noticesTo(admin, "Employees cannot enroll")).singleElement().asString()
                    .contains("Tailspin").contains("client secret has expired").contains("AADSTS7000222")
                    .doesNotContain(SECRET);
        }
    }

    @Nested
    class Directories {

        @Test
        void noDirectoryForTheTenantNamesTheAdminsAndTellsThemOnce() {
            String lonelyTenant = UUID.randomUUID().toString();
            TeamsUser admin = admin(lonelyTenant);
            say(bot, admin, "help");
            TeamsUser ada = employee(lonelyTenant, ada());
            TeamsUser grace = employee(lonelyTenant, FakeUser.member("Grace Hopper", "g@x.example", "g@x.example",
                    "+46 70 765 43 21"));

            JsonNode card = say(bot, ada, "enroll");
            say(secondBot, grace, "enroll");
            say(bot, ada, "enroll");

            assertThat(text(card)).contains("Your organization has not connected its directory yet")
                    .contains("Adele Vance");
            assertThat(noticesTo(admin, "no Entra ID directory is connected")).hasSize(1);
            assertThat(enrollments(ada.objectId())).isZero();
        }

        @Test
        void userNotFoundInTheDirectoryIsToldSoPlainly() {
            TeamsUser stranger = new TeamsUser(tenant, UUID.randomUUID().toString(), "Stranger", connector);

            assertThat(text(say(bot, stranger, "enroll"))).contains("I could not find you in your directory")
                    .contains("Contoso");
            assertThat(enrollments(stranger.objectId())).isZero();
        }

        @Test
        void aDisabledDirectoryRefusesEnrollmentAndKeepsExistingEnrollmentsVisible() {
            String pausedTenant = UUID.randomUUID().toString();
            Directory paused = register(bot, pausedTenant, "Litware");
            TeamsUser ada = employee(pausedTenant, ada());
            press(bot, ada, say(bot, ada, "enroll"), "enroll.confirm");
            TeamsUser grace = employee(pausedTenant, FakeUser.member("Grace Hopper", "g@l.example", "g@l.example",
                    "+46 70 765 43 21"));
            JsonNode gracesConfirm = say(bot, grace, "enroll");

            new AdminDialogs(bot, admin(pausedTenant)).execute("directories.disable",
                    Map.of("directoryId", paused.id().toString(), "version", paused.version()));

            assertThat(text(press(bot, grace, gracesConfirm, "enroll.confirm")))
                    .contains("Enrollment is switched off for your directory").contains("Litware");
            assertThat(enrollments(grace.objectId())).isZero();
            assertThat(text(say(bot, ada, "status"))).contains("You are enrolled");
        }

        @Test
        void aDeletedDirectoryLeavesItsPeopleWithNoDirectoryAndNoEnrollment() {
            String goneTenant = UUID.randomUUID().toString();
            Directory gone = register(bot, goneTenant, "Adatum");
            TeamsUser ada = employee(goneTenant, ada());
            press(bot, ada, say(bot, ada, "enroll"), "enroll.confirm");

            new AdminDialogs(bot, admin(goneTenant)).execute("directories.delete.confirm",
                    Map.of("directoryId", gone.id().toString(), "version", gone.version()));

            assertThat(text(say(bot, ada, "enroll"))).contains("Your organization has not connected its directory yet");
            assertThat(text(say(bot, ada, "status"))).contains("You are not enrolled");
            assertThat(enrollments(ada.objectId())).isZero();
        }
    }

    @Nested
    class TwoInstances {

        @Test
        void manyEnrollPressesAtOnceOnTwoInstancesMakeExactlyOneEnrollment() throws Exception {
            TeamsUser ada = employee(tenant, ada());
            JsonNode confirm = say(bot, ada, "enroll");
            JsonNode data = actionData(confirm, "enroll.confirm");
            int presses = 8;
            ExecutorService pool = Executors.newFixedThreadPool(presses);
            CountDownLatch go = new CountDownLatch(1);
            try {
                List<Future<JsonNode>> answers = new ArrayList<>();
                for (int i = 0; i < presses; i++) {
                    RunningBot instance = i % 2 == 0 ? bot : secondBot;
                    answers.add(pool.submit(() -> {
                        go.await();
                        return invoke(instance, ada, "enroll.confirm", data);
                    }));
                }
                go.countDown();
                List<String> cards = new ArrayList<>();
                for (Future<JsonNode> answer : answers) {
                    cards.add(text(answer.get(60, TimeUnit.SECONDS).path("value")));
                }

                assertThat(cards).filteredOn(card -> card.contains("You are enrolled")).hasSize(1);
                assertThat(cards).filteredOn(card -> card.contains("You are already enrolled")).hasSize(presses - 1);
                assertThat(enrollments(ada.objectId())).isEqualTo(1);
                assertThat(enrollmentEvents(ada.objectId())).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
