package com.enrollbot.bot.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.enrollbot.core.directory.Directory;
import com.enrollbot.testing.AdminDialogs;
import com.enrollbot.testing.EntraFakes;
import com.enrollbot.testing.FakeConnector;
import com.enrollbot.testing.FakeUser;
import com.enrollbot.testing.GraphFault;
import com.enrollbot.testing.RecordedGraphRequest;
import com.enrollbot.testing.RunningBot;
import com.enrollbot.testing.TeamsUser;
import com.enrollbot.testing.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The helpdesk's journey through the front door: Teams-shaped activities over HTTP to the real application,
 * which searches people with the real Graph SDK in an HTTPS fake of Graph (holding many users) and keeps
 * enrollments in a real PostgreSQL. Directories are registered and roles granted the way admins do it, and
 * people enroll the way employees do.
 */
class HelpdeskEndToEndTest {

    private static final String ADMIN_ID = "a1a1a1a1-0000-4000-8000-00000000000a";
    private static final String SECRET = "directory-secret-value";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static FakeConnector connector;
    private static EntraFakes fakes;
    private static TestDatabases.Database database;
    private static RunningBot bot;
    private static Organization contoso;

    /** An organization with one registered directory, a helpdesk agent and its bootstrap admin. */
    private record Organization(String tenantId, Directory directory, TeamsUser admin, TeamsUser helpdesk) { }

    @BeforeAll
    static void start() {
        connector = new FakeConnector();
        fakes = new EntraFakes();
        database = TestDatabases.fresh();
        var settings = RunningBot.defaults(database);
        settings.put("BOOTSTRAP_ADMIN_IDS", ADMIN_ID);
        settings.put("PHONE_DEFAULT_REGION", "SE");
        bot = fakes.startBot(settings);
        contoso = organization("Contoso");
    }

    @AfterAll
    static void stop() throws Exception {
        bot.close();
        fakes.close();
        connector.close();
    }

    @AfterEach
    void clearFaults() {
        fakes.graph().clearFaults();
    }

    /** Registers a directory for a new tenant through the admin's dialog, and makes a helpdesk agent there. */
    private static Organization organization(String name) {
        String tenantId = UUID.randomUUID().toString();
        String clientId = UUID.randomUUID().toString();
        fakes.entra().registerApp(tenantId, clientId, SECRET);
        TeamsUser admin = new TeamsUser(tenantId, ADMIN_ID, "Adele Vance", connector);
        Directory directory = new AdminDialogs(bot, admin).register(name, tenantId, clientId, SECRET);
        TeamsUser helpdesk = TeamsUser.random(tenantId, "Hank Helpdesk", connector);
        assertThat(text(say(admin, "roles grant helpdesk " + helpdesk.objectId()))).contains("is now a helpdesk");
        return new Organization(tenantId, directory, admin, helpdesk);
    }

    /** Letters only, so that display names starting with it match nobody else in the shared fake Graph. */
    private static String prefix() {
        StringBuilder prefix = new StringBuilder("Q");
        for (int i = 0; i < 6; i++) {
            prefix.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return prefix.toString();
    }

    private static FakeUser person(String displayName) {
        String login = displayName.toLowerCase().replace(' ', '.') + "@contoso.example";
        return FakeUser.member(displayName, login, login, "+46 70 123 45 12");
    }

    private static TeamsUser inTeams(Organization organization, FakeUser user) {
        fakes.graph().putUser(user);
        return new TeamsUser(organization.tenantId(), user.id(), user.displayName(), connector);
    }

    /** The person enrolls themselves, as in the employee's journey. */
    private static TeamsUser enrolled(Organization organization, FakeUser user) {
        TeamsUser employee = inTeams(organization, user);
        JsonNode receipt = press(employee, say(employee, "enroll"), "enroll.confirm");
        assertThat(text(receipt)).contains("You are enrolled");
        return employee;
    }

    /** The notices are sent in the background: waits (bounded) until the log says how sending one ended. */
    private static void awaitLogLine(CapturedOutput output, String text) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!output.getAll().contains(text)) {
            assertThat(System.nanoTime()).as("the log line '%s' within 10 s", text).isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    // ---- talking to the bot

    /** Sends a message and returns what the bot posted in answer (a card, or a text node). */
    private static JsonNode say(TeamsUser user, String text) {
        return send(user, user.message(text));
    }

    private static JsonNode send(TeamsUser user, ObjectNode activity) {
        int before = callsTo(user).size();
        HttpResponse<String> response = user.send(bot, activity);
        assertThat(response.statusCode()).isBetween(200, 202);
        FakeConnector.Call call = connector.await(c -> isTo(user, c) && callsTo(user).indexOf(c) >= before);
        return call.text() != null ? JSON.getNodeFactory().textNode(call.text()) : call.card();
    }

    private static List<FakeConnector.Call> callsTo(TeamsUser user) {
        return connector.calls().stream().filter(call -> isTo(user, call)).toList();
    }

    /** The bootstrap admin has one object id in every test tenant, so the tenant tells their chats apart. */
    private static boolean isTo(TeamsUser user, FakeConnector.Call call) {
        return call.path().contains(user.conversationId())
                && user.tenantId().equals(call.activity().path("conversation").path("tenantId").asText());
    }

    /** Presses an Action.Execute button: the card that replaces it in place, or the message answered instead. */
    private static JsonNode press(TeamsUser user, JsonNode card, String verb) {
        return invoke(user, verb, actionData(card, verb));
    }

    private static JsonNode pressWith(TeamsUser user, JsonNode card, String verb, Map<String, String> inputs) {
        ObjectNode data = actionData(card, verb).deepCopy();
        inputs.forEach(data::put);
        return invoke(user, verb, data);
    }

    private static JsonNode invoke(TeamsUser user, String verb, JsonNode data) {
        HttpResponse<String> response = user.send(bot, user.execute(verb, data));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = TeamsUser.json(response.body());
        return answer.path("value");
    }

    /** The data of the first Action.Execute with this verb, anywhere on the card (actions sit in each person). */
    private static JsonNode actionData(JsonNode node, String verb) {
        List<JsonNode> found = new ArrayList<>();
        collect(node, verb, found);
        if (found.isEmpty()) {
            throw new AssertionError("No " + verb + " button on " + node);
        }
        return found.get(0).path("data");
    }

    private static void collect(JsonNode node, String verb, List<JsonNode> found) {
        if (node.isObject() && "Action.Execute".equals(node.path("type").asText()) && verb.equals(node.path("verb").asText())) {
            found.add(node);
        }
        node.forEach(child -> collect(child, verb, found));
    }

    /** The people shown on a people card, each as its container. */
    private static List<JsonNode> people(JsonNode card) {
        List<JsonNode> people = new ArrayList<>();
        card.path("body").forEach(item -> {
            if ("Container".equals(item.path("type").asText())) {
                people.add(item);
            }
        });
        return people;
    }

    private static JsonNode personOn(JsonNode card, String name) {
        return people(card).stream().filter(person -> name.equals(person.path("items").path(0).path("text").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("Nobody named " + name + " on " + card));
    }

    private static String fact(JsonNode person, String title) {
        for (JsonNode item : person.path("items")) {
            for (JsonNode fact : item.path("facts")) {
                if (title.equals(fact.path("title").asText())) {
                    return fact.path("value").asText();
                }
            }
        }
        return null;
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : node.toString();
    }

    private static List<String> filtersSince(int before) {
        List<RecordedGraphRequest> requests = fakes.graph().requests();
        return requests.subList(before, requests.size()).stream()
                .map(RecordedGraphRequest::filter).filter(filter -> filter != null).toList();
    }

    // ---- the database, for what the cards do not show

    private static String one(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(database.url(), database.username(), database.password());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(database.url(), database.username(), database.password());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String stateOf(TeamsUser person) {
        return one("SELECT state FROM enrollments WHERE object_id = ?", person.objectId());
    }

    private static int count(String sql, Object... parameters) {
        return Integer.parseInt(one(sql, parameters));
    }

    @Nested
    class Lookup {

        @Test
        void aNamePrefixShowsEnrolledAndNotEnrolledPeopleWithStateSinceDirectoryMaskedMobileAndReadiness() {
            String name = prefix();
            enrolled(contoso, person(name + " Ada"));
            inTeams(contoso, person(name + " Bob"));

            JsonNode card = say(contoso.helpdesk(), "status " + name);

            assertThat(people(card)).hasSize(2);
            JsonNode ada = personOn(card, name + " Ada");
            assertThat(fact(ada, "State")).isEqualTo("Enrolled");
            assertThat(fact(ada, "Since")).contains("UTC");
            assertThat(fact(ada, "Directory")).isEqualTo("Contoso");
            assertThat(fact(ada, "Mobile")).isEqualTo("+46 70 *** ** 12");
            assertThat(text(ada)).contains("Could enroll now: enrolled already").contains("helpdesk.reset")
                    .doesNotContain("123 45");
            JsonNode bob = personOn(card, name + " Bob");
            assertThat(fact(bob, "State")).isEqualTo("Not enrolled");
            assertThat(fact(bob, "Since")).isNull();
            assertThat(fact(bob, "Mobile")).isNull();
            assertThat(text(bob)).contains("Could enroll now: yes").doesNotContain("helpdesk.reset");
        }

        @Test
        void anExactUpnFindsThatPersonThroughAnExactFilterFirst() {
            String name = prefix();
            FakeUser ada = person(name + " Ada");
            enrolled(contoso, ada);
            int before = fakes.graph().requests().size();

            JsonNode card = say(contoso.helpdesk(), "status " + ada.userPrincipalName().toUpperCase());

            assertThat(people(card)).singleElement().satisfies(person -> assertThat(fact(person, "State")).isEqualTo("Enrolled"));
            assertThat(filtersSince(before).get(0)).isEqualTo("userPrincipalName eq '" + ada.userPrincipalName().toUpperCase()
                    + "' or mail eq '" + ada.userPrincipalName().toUpperCase() + "'");
        }

        @Test
        void aPersonWhoCannotEnrollHasEachFailingFieldNamed() {
            String name = prefix();
            inTeams(contoso, person(name + " Nomobile").withMobilePhone(null).withMail(null));

            JsonNode card = say(contoso.helpdesk(), "status " + name);

            assertThat(text(card)).contains("Could enroll now: no, because:").contains("Mobile phone (mobilePhone) is empty")
                    .contains("E-mail (mail) is empty").contains("Who can fix it: their IT admin")
                    .doesNotContain("(accountEnabled)");
        }

        @Test
        void sixtyPeopleSharingAPrefixShowTenAndAHintToNarrowTheSearch() {
            String name = prefix();
            for (int i = 10; i < 70; i++) {
                fakes.graph().putUser(person(name + " Person" + i));
            }
            int before = fakes.graph().requests().size();

            JsonNode card = say(contoso.helpdesk(), "status " + name);

            assertThat(people(card)).hasSize(10);
            assertThat(text(card)).contains("More people match '" + name + "' than the 10 shown");
            assertThat(fakes.graph().requests().subList(before, fakes.graph().requests().size()))
                    .isNotEmpty()
                    .allSatisfy(request -> assertThat(request.query().get("$top")).isEqualTo("11"));
        }

        @Test
        void aFewPeopleGetNoHint() {
            String name = prefix();
            inTeams(contoso, person(name + " Solo"));

            assertThat(text(say(contoso.helpdesk(), "status " + name))).doesNotContain("More people match");
        }

        @Test
        void nobodyMatchingSaysSo() {
            assertThat(text(say(contoso.helpdesk(), "status " + prefix())))
                    .contains("Nobody in your organization's directories matches");
        }

        @Test
        void statusAloneShowsTheAgentsOwnStatusAndAnEmptyLookUpBoxGetsTheUsageLine() {
            assertThat(text(say(contoso.helpdesk(), "status"))).contains("You are not enrolled");

            JsonNode answer = invoke(contoso.helpdesk(), HelpdeskFlow.SEARCH, JSON.createObjectNode().put("who", "   "));

            assertThat(answer.asText()).startsWith("Type 'status' and a UPN, an e-mail address or the start of a display name");
        }

        @Test
        void theHelpdesksHelpCardHasALookUpBoxThatPostsTheResults() {
            String name = prefix();
            inTeams(contoso, person(name + " Carol"));
            JsonNode help = say(contoso.helpdesk(), "help");
            assertThat(text(help)).contains("\"id\":\"who\"").contains("helpdesk.search").contains("enrollments");

            ObjectNode submitted = JSON.createObjectNode().put("verb", "helpdesk.search").put("who", name);
            JsonNode card = send(contoso.helpdesk(), contoso.helpdesk().submit("help-card", submitted));

            assertThat(people(card)).singleElement().satisfies(person -> assertThat(text(person)).contains(name + " Carol"));
        }

        @Test
        void theResultsCardSearchesAgainInPlace() {
            String name = prefix();
            inTeams(contoso, person(name + " Dora"));
            JsonNode first = say(contoso.helpdesk(), "status " + prefix());

            JsonNode again = pressWith(contoso.helpdesk(), first, HelpdeskFlow.SEARCH, Map.of("who", name + " Do"));

            assertThat(people(again)).singleElement().satisfies(person -> assertThat(text(person)).contains(name + " Dora"));
        }

        @Test
        void everyDirectoryOfTheOrganizationIsSearched() {
            Organization woodgrove = organization("Woodgrove");
            String otherTenant = UUID.randomUUID().toString();
            String clientId = UUID.randomUUID().toString();
            fakes.entra().registerApp(otherTenant, clientId, SECRET);
            new AdminDialogs(bot, woodgrove.admin()).register("Woodgrove Subsidiary", otherTenant, clientId, SECRET);
            String name = prefix();
            enrolled(woodgrove, person(name + " Ada"));

            JsonNode card = say(woodgrove.helpdesk(), "status " + name);

            // The fake Graph serves the same users to every tenant, so Ada is found in both directories.
            assertThat(people(card)).extracting(person -> fact(person, "Directory") + ": " + fact(person, "State"))
                    .containsExactlyInAnyOrder("Woodgrove: Enrolled", "Woodgrove Subsidiary: Not enrolled");
        }

        @Test
        void aDisabledDirectorysPeopleCannotEnrollNowAndItsEnrollmentsStayVisible() {
            Organization litware = organization("Litware Paused");
            String name = prefix();
            enrolled(litware, person(name + " Ada"));
            inTeams(litware, person(name + " Bob"));
            new AdminDialogs(bot, litware.admin()).execute("directories.disable",
                    Map.of("directoryId", litware.directory().id().toString(), "version", litware.directory().version()));

            JsonNode card = say(litware.helpdesk(), "status " + name);

            assertThat(fact(personOn(card, name + " Ada"), "State")).isEqualTo("Enrolled");
            assertThat(text(personOn(card, name + " Bob"))).contains("Could enroll now: no, enrollment through"
                    + " Litware Paused is switched off");
        }

        @Test
        void refreshReadsThePersonAgainAfterTheirProfileWasFixed() {
            FakeUser bob = person(prefix() + " Bob").withMobilePhone(null);
            inTeams(contoso, bob);
            JsonNode card = say(contoso.helpdesk(), "status " + bob.mail());
            assertThat(text(card)).contains("Mobile phone (mobilePhone) is empty");
            fakes.graph().putUser(bob.withMobilePhone("+46 70 765 43 21"));

            JsonNode refreshed = press(contoso.helpdesk(), personOn(card, bob.displayName()), HelpdeskFlow.SHOW);

            assertThat(text(refreshed)).contains("Could enroll now: yes").doesNotContain("(mobilePhone)");
        }

        @Test
        void aPersonEnrolledAndSinceDeletedFromEntraIsStillFoundByExactUpn() {
            FakeUser gone = person(prefix() + " Gone");
            enrolled(contoso, gone);
            fakes.graph().removeUser(gone.id());

            JsonNode card = say(contoso.helpdesk(), "status " + gone.mail());

            JsonNode person = personOn(card, gone.displayName());
            assertThat(fact(person, "State")).isEqualTo("Enrolled");
            assertThat(text(person)).contains("Contoso has no such user (any more)");
        }
    }

    @Nested
    class InjectionAttempts {

        @Test
        void quotesOrAndParenthesesAreEscapedAsOneLiteral() {
            int before = fakes.graph().requests().size();

            JsonNode card = say(contoso.helpdesk(), "status x') or startswith(displayName,'");

            assertThat(filtersSince(before)).containsExactly("startswith(displayName,'x'') or startswith(displayName,''')");
            assertThat(text(card)).contains("Nobody in your organization's directories matches");
        }

        @Test
        void anUpnWithAQuoteCannotWidenTheExactFilter() {
            String name = prefix();
            inTeams(contoso, person(name + " Eve"));
            int before = fakes.graph().requests().size();

            JsonNode card = say(contoso.helpdesk(), "status a@b' or mail ne 'x");

            String literal = "'a@b'' or mail ne ''x'";
            assertThat(filtersSince(before)).containsExactly(
                    "userPrincipalName eq " + literal + " or mail eq " + literal, "startswith(displayName," + literal + ")");
            assertThat(people(card)).isEmpty();
        }

        @Test
        void unicodeIsSearchedAsTypedAndFound() {
            String name = prefix();
            inTeams(contoso, person(name + " Ångström"));
            int before = fakes.graph().requests().size();

            JsonNode card = say(contoso.helpdesk(), "status " + name + " Ångst");

            assertThat(filtersSince(before)).containsExactly("startswith(displayName,'" + name + " Ångst')");
            assertThat(people(card)).singleElement().satisfies(person -> assertThat(text(person)).contains("Ångström"));
        }

        @Test
        void fiveHundredCharactersAreRefusedPlainlyWithoutAskingGraph() {
            int before = fakes.graph().requests().size();

            JsonNode answer = say(contoso.helpdesk(), "status " + "a' or 1 eq 1 ".repeat(40).substring(0, 500));

            assertThat(answer.asText()).contains("longer than any UPN, e-mail address or name can be")
                    .contains("Type 'status' and a UPN");
            assertThat(fakes.graph().requests()).hasSize(before);
        }

        @Test
        void lineBreaksInTheLookUpBoxAreRefusedWithoutAskingGraph() {
            int before = fakes.graph().requests().size();

            JsonNode answer = invoke(contoso.helpdesk(), HelpdeskFlow.SEARCH,
                    JSON.createObjectNode().put("who", "ada\nor 1 eq 1"));

            assertThat(answer.asText()).contains("line breaks or control characters");
            assertThat(fakes.graph().requests()).hasSize(before);
        }
    }

    @Nested
    class Roles {

        @Test
        void anEmployeesStatusOfSomeoneElseShowsOnlyTheirOwnStatusAndSearchesNobody() {
            String name = prefix();
            TeamsUser target = enrolled(contoso, person(name + " Target"));
            TeamsUser employee = inTeams(contoso, person(prefix() + " Curious"));
            int before = fakes.graph().requests().size();

            JsonNode card = say(employee, "status " + name);

            assertThat(text(card)).contains("You are not enrolled").doesNotContain(name);
            assertThat(filtersSince(before)).isEmpty();
            assertThat(stateOf(target)).isEqualTo("enrolled");
        }

        @Test
        void anEmployeeCannotListEnrollmentsNorSeeTheLookUpBox() {
            TeamsUser employee = inTeams(contoso, person(prefix() + " Plain"));

            assertThat(text(say(employee, "enrollments"))).contains("only helpdesk staff and admins");
            assertThat(text(say(employee, "help"))).doesNotContain("helpdesk.search").doesNotContain("enrollments");
        }

        @Test
        void forgedHelpdeskInvokesFromAnEmployeeAreRefusedAndAudited() {
            TeamsUser target = enrolled(contoso, person(prefix() + " Victim"));
            String enrollmentId = one("SELECT id::text FROM enrollments WHERE object_id = ?", target.objectId());
            String enrolledAt = one("SELECT to_char(enrolled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"
                    + " FROM enrollments WHERE object_id = ?", target.objectId());
            TeamsUser employee = inTeams(contoso, person(prefix() + " Forger"));

            JsonNode search = invoke(employee, HelpdeskFlow.SEARCH, JSON.createObjectNode().put("who", "Q"));
            JsonNode reset = invoke(employee, HelpdeskFlow.CONFIRM, JSON.createObjectNode()
                    .put("enrollmentId", enrollmentId).put("enrolledAt", enrolledAt).put("reason", "forged"));

            assertThat(search.asText()).contains("only helpdesk staff and admins");
            assertThat(reset.asText()).contains("only helpdesk staff and admins");
            assertThat(stateOf(target)).isEqualTo("enrolled");
            assertThat(count("SELECT count(*) FROM audit_log WHERE actor_id = ? AND outcome = 'refused'"
                    + " AND action IN ('verb:helpdesk.search', 'verb:helpdesk.reset.confirm')", employee.objectId())).isEqualTo(2);
        }

        @Test
        void anAdminCanLookPeopleUpAndListEnrollments() {
            String name = prefix();
            enrolled(contoso, person(name + " Fay"));

            assertThat(fact(personOn(say(contoso.admin(), "status " + name), name + " Fay"), "State")).isEqualTo("Enrolled");
            assertThat(text(say(contoso.admin(), "enrollments"))).contains("Enrollments").contains(name + " Fay");
        }
    }

    @Nested
    class Reset {

        /** Looks the person up and presses Reset on their card: the reason form. */
        private JsonNode resetFormOf(Organization organization, FakeUser person) {
            JsonNode card = say(organization.helpdesk(), "status " + person.userPrincipalName());
            return press(organization.helpdesk(), personOn(card, person.displayName()), HelpdeskFlow.RESET);
        }

        private JsonNode confirmationOf(Organization organization, FakeUser person, String reason) {
            return pressWith(organization.helpdesk(), resetFormOf(organization, person), HelpdeskFlow.REVIEW,
                    Map.of("reason", reason));
        }

        @Test
        void aResetNeedsAReasonAndAConfirmationThenRevokesUpdatesTheCardInPlaceAuditsAndTellsTheEmployee() {
            FakeUser ada = person(prefix() + " Ada");
            TeamsUser employee = enrolled(contoso, ada);
            TeamsUser agent = contoso.helpdesk();
            JsonNode form = resetFormOf(contoso, ada);
            assertThat(text(form)).contains("Reset the enrollment of " + ada.displayName()).contains("+46 70 *** ** 12");

            JsonNode withoutReason = pressWith(agent, form, HelpdeskFlow.REVIEW, Map.of("reason", "   "));
            assertThat(text(withoutReason)).contains("Give a reason");
            assertThat(stateOf(employee)).isEqualTo("enrolled");

            JsonNode confirmation = pressWith(agent, withoutReason, HelpdeskFlow.REVIEW, Map.of("reason", "Lost phone"));
            assertThat(text(confirmation)).contains("Reset the enrollment of " + ada.displayName() + "?").contains("Lost phone");
            assertThat(stateOf(employee)).isEqualTo("enrolled");

            JsonNode after = press(agent, confirmation, HelpdeskFlow.CONFIRM);

            JsonNode shown = personOn(after, ada.displayName());
            assertThat(fact(shown, "State")).isEqualTo("Revoked");
            assertThat(fact(shown, "Reason")).isEqualTo("Lost phone");
            assertThat(text(after)).contains("Done: the enrollment of " + ada.displayName() + " is revoked")
                    .contains("I am telling them in their chat with me").contains("Could enroll now: yes")
                    .doesNotContain("helpdesk.reset\"");
            assertThat(stateOf(employee)).isEqualTo("revoked");
            assertThat(one("SELECT actor_id || '|' || actor_name || '|' || reason FROM enrollment_events ev"
                    + " JOIN enrollments e ON e.id = ev.enrollment_id WHERE e.object_id = ? AND ev.state = 'revoked'",
                    employee.objectId())).isEqualTo(agent.objectId() + "|Hank Helpdesk|Lost phone");
            assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'enrollment.reset' AND outcome = 'succeeded'"
                    + " AND actor_id = ? AND subject = ? AND detail LIKE '%Lost phone'", agent.objectId(), employee.objectId()))
                    .isEqualTo(1);
            assertThat(connector.await(call -> isTo(employee, call) && String.valueOf(call.text()).contains("reset your enrollment"))
                    .text()).contains("Reason: Lost phone").contains("type 'enroll'");
        }

        @Test
        void anEnrolledPersonWhoTalksFromANewChatIsToldThereAboutTheReset() {
            FakeUser ada = person(prefix() + " Ada");
            TeamsUser oldChat = enrolled(contoso, ada);
            TeamsUser newChat = oldChat.inNewChat();
            assertThat(text(say(newChat, "status"))).contains("You are enrolled");

            press(contoso.helpdesk(), confirmationOf(contoso, ada, "Lost phone"), HelpdeskFlow.CONFIRM);

            assertThat(connector.await(call -> isTo(newChat, call) && String.valueOf(call.text()).contains("reset your enrollment"))
                    .text()).contains("Reason: Lost phone");
            assertThat(callsTo(oldChat)).noneMatch(call -> String.valueOf(call.text()).contains("reset your enrollment"));
        }

        @Test
        void afterAResetTheEmployeeSeesTheReasonAndCanEnrollAgain() {
            FakeUser ada = person(prefix() + " Ada");
            TeamsUser employee = enrolled(contoso, ada);
            press(contoso.helpdesk(), confirmationOf(contoso, ada, "New phone"), HelpdeskFlow.CONFIRM);

            assertThat(text(say(employee, "status"))).contains("Your enrollment was revoked")
                    .contains("Reason given by your helpdesk: New phone");
            assertThat(text(press(employee, say(employee, "enroll"), "enroll.confirm"))).contains("You are enrolled");

            assertThat(stateOf(employee)).isEqualTo("enrolled");
            assertThat(fact(personOn(say(contoso.helpdesk(), "status " + ada.mail()), ada.displayName()), "State"))
                    .isEqualTo("Enrolled");
            assertThat(count("SELECT count(*) FROM enrollment_events ev JOIN enrollments e ON e.id = ev.enrollment_id"
                    + " WHERE e.object_id = ?", employee.objectId())).isEqualTo(3);
        }

        @Test
        void aRetriedConfirmationResetsOnceAndTellsTheEmployeeOnce() {
            FakeUser ada = person(prefix() + " Ada");
            TeamsUser employee = enrolled(contoso, ada);
            JsonNode confirmation = confirmationOf(contoso, ada, "Lost phone");

            press(contoso.helpdesk(), confirmation, HelpdeskFlow.CONFIRM);
            JsonNode retried = press(contoso.helpdesk(), confirmation, HelpdeskFlow.CONFIRM);

            assertThat(text(retried)).contains("This enrollment was reset already");
            assertThat(count("SELECT count(*) FROM enrollment_events ev JOIN enrollments e ON e.id = ev.enrollment_id"
                    + " WHERE e.object_id = ? AND ev.state = 'revoked'", employee.objectId())).isEqualTo(1);
            connector.await(call -> isTo(employee, call) && String.valueOf(call.text()).contains("reset your enrollment"));
            assertThat(callsTo(employee)).filteredOn(call -> String.valueOf(call.text()).contains("reset your enrollment"))
                    .hasSize(1);
        }

        @Test
        void aConfirmationOlderThanAReEnrollmentResetsNothing() {
            FakeUser ada = person(prefix() + " Ada");
            TeamsUser employee = enrolled(contoso, ada);
            JsonNode stale = confirmationOf(contoso, ada, "Lost phone");
            press(contoso.helpdesk(), confirmationOf(contoso, ada, "Lost phone"), HelpdeskFlow.CONFIRM);
            press(employee, say(employee, "enroll"), "enroll.confirm");

            JsonNode answer = press(contoso.helpdesk(), stale, HelpdeskFlow.CONFIRM);

            assertThat(text(answer)).contains("Nothing was reset: the enrollment changed");
            assertThat(stateOf(employee)).isEqualTo("enrolled");
        }

        @Test
        void anEmployeeWithoutAPersonalChatIsNotMessagedAndTheAgentIsToldSo() {
            FakeUser ada = person(prefix() + " Ada");
            TeamsUser employee = inTeams(contoso, ada);
            ObjectNode inGroupChat = employee.message("enroll");
            ((ObjectNode) inGroupChat.path("conversation")).put("conversationType", "groupChat");
            JsonNode confirm = send(employee, inGroupChat);
            ObjectNode pressInGroupChat = employee.execute("enroll.confirm", actionData(confirm, "enroll.confirm"));
            ((ObjectNode) pressInGroupChat.path("conversation")).put("conversationType", "groupChat");
            assertThat(employee.send(bot, pressInGroupChat).body()).contains("You are enrolled");

            JsonNode after = press(contoso.helpdesk(), confirmationOf(contoso, ada, "Left the company"), HelpdeskFlow.CONFIRM);

            assertThat(text(after)).contains("They have no chat with me that I know of: please tell them yourself");
            assertThat(stateOf(employee)).isEqualTo("revoked");
        }

        @Test
        void aConfirmationForgedWithoutAReasonResetsNothing() {
            FakeUser ada = person(prefix() + " Ada");
            TeamsUser employee = enrolled(contoso, ada);
            ObjectNode data = actionData(confirmationOf(contoso, ada, "Lost phone"), HelpdeskFlow.CONFIRM).deepCopy();
            data.put("reason", " ");

            assertThat(invoke(contoso.helpdesk(), HelpdeskFlow.CONFIRM, data).asText()).contains("Give a reason");
            assertThat(stateOf(employee)).isEqualTo("enrolled");
        }

        @Test
        void theEnrolledPersonsChatIsKeptOnlyWhileEnrolled() {
            FakeUser ada = person(prefix() + " Ada");
            TeamsUser employee = inTeams(contoso, ada);
            say(employee, "help");
            assertThat(count("SELECT count(*) FROM enrollment_conversations c JOIN enrollments e ON e.id = c.enrollment_id"
                    + " WHERE e.object_id = ?", employee.objectId())).isZero();
            press(employee, say(employee, "enroll"), "enroll.confirm");
            assertThat(count("SELECT count(*) FROM enrollment_conversations c JOIN enrollments e ON e.id = c.enrollment_id"
                    + " WHERE e.object_id = ?", employee.objectId())).isEqualTo(1);

            press(contoso.helpdesk(), confirmationOf(contoso, ada, "Lost phone"), HelpdeskFlow.CONFIRM);

            assertThat(count("SELECT count(*) FROM enrollment_conversations c JOIN enrollments e ON e.id = c.enrollment_id"
                    + " WHERE e.object_id = ?", employee.objectId())).isZero();
        }

        @Test
        @ExtendWith(OutputCaptureExtension.class)
        void whenTheNoticeCannotBeDeliveredTheResetStandsAndThePersonGetsNoApologyForATurnTheyNeverStarted(
                CapturedOutput output) {
            FakeUser ada = person(prefix() + " Ada");
            TeamsUser employee = enrolled(contoso, ada);
            connector.failNext(employee.conversationId(), 404);

            press(contoso.helpdesk(), confirmationOf(contoso, ada, "Lost phone"), HelpdeskFlow.CONFIRM);

            assertThat(stateOf(employee)).isEqualTo("revoked");
            awaitLogLine(output, "Could not tell the person of enrollment");
            assertThat(callsTo(employee)).filteredOn(call -> !call.card().isMissingNode())
                    .noneMatch(call -> call.card().toString().contains("Sorry, something went wrong"));
            assertThat(output.getAll()).doesNotContain("Turn failed");
        }
    }

    @Nested
    class OtherOrganizations {

        @Test
        void anotherOrganizationsHelpdeskCannotResetOrShowThisOrganizationsPeopleByForgingIds() {
            Organization fabrikam = organization("Fabrikam");
            FakeUser ada = person(prefix() + " Ada");
            TeamsUser employee = enrolled(contoso, ada);
            JsonNode confirmation = pressWith(contoso.helpdesk(),
                    press(contoso.helpdesk(), personOn(say(contoso.helpdesk(), "status " + ada.mail()), ada.displayName()),
                            HelpdeskFlow.RESET), HelpdeskFlow.REVIEW, Map.of("reason", "forged"));
            JsonNode refresh = actionData(personOn(say(contoso.helpdesk(), "status " + ada.mail()), ada.displayName()),
                    HelpdeskFlow.SHOW);

            JsonNode reset = invoke(fabrikam.helpdesk(), HelpdeskFlow.CONFIRM, actionData(confirmation, HelpdeskFlow.CONFIRM));
            JsonNode form = invoke(fabrikam.helpdesk(), HelpdeskFlow.RESET, actionData(confirmation, HelpdeskFlow.CONFIRM));
            JsonNode shown = invoke(fabrikam.helpdesk(), HelpdeskFlow.SHOW, refresh);

            assertThat(List.of(reset.asText(), form.asText(), shown.asText()))
                    .allSatisfy(answer -> assertThat(answer).startsWith("I cannot find that in your organization"));
            assertThat(stateOf(employee)).isEqualTo("enrolled");
            assertThat(count("SELECT count(*) FROM audit_log WHERE org_id = ? AND actor_id = ? AND outcome = 'refused'"
                    + " AND action IN ('enrollment.reset', 'helpdesk.show')", fabrikam.tenantId(), fabrikam.helpdesk().objectId()))
                    .isEqualTo(3);
        }

        @Test
        void anotherOrganizationsHelpdeskSeesNoneOfThisOrganizationsEnrollments() {
            Organization fabrikam = organization("Fabrikam");
            FakeUser ada = person(prefix() + " Ada");
            enrolled(contoso, ada);

            JsonNode card = say(fabrikam.helpdesk(), "status " + ada.mail());
            JsonNode list = say(fabrikam.helpdesk(), "enrollments");

            // The fake Graph serves every tenant's users to every directory; the enrollment is what stays apart.
            JsonNode seen = personOn(card, ada.displayName());
            assertThat(fact(seen, "State")).isEqualTo("Not enrolled");
            assertThat(fact(seen, "Directory")).isEqualTo("Fabrikam");
            assertThat(fact(seen, "Mobile")).isNull();
            assertThat(text(list)).doesNotContain(ada.displayName()).contains("Fabrikam").doesNotContain("Contoso");
        }
    }

    @Nested
    class GraphFaults {

        @Test
        void serverErrorsAreSaidPlainlyAndTheStoredEnrollmentIsStillShown() {
            FakeUser ada = person(prefix() + " Ada");
            enrolled(contoso, ada);
            fakes.graph().failAlways(GraphFault.serverError(503));

            JsonNode card = say(contoso.helpdesk(), "status " + ada.userPrincipalName());

            assertThat(text(card)).contains("I could not search Contoso: Microsoft Graph answered with a server error")
                    .contains("Below is only what the stored enrollments know").doesNotContain("HTTP").doesNotContain("serviceNotAvailable");
            JsonNode shown = personOn(card, ada.displayName());
            assertThat(fact(shown, "State")).isEqualTo("Enrolled");
            assertThat(fact(shown, "Mobile")).isEqualTo("+46 70 *** ** 12");
        }

        @Test
        void throttlingBeyondTheBudgetIsSaidPlainlyAndStoredEnrollmentsMatchByNamePrefix() {
            String name = prefix();
            enrolled(contoso, person(name + " Ada"));
            enrolled(contoso, person(name + " Abe"));
            fakes.graph().failAlways(GraphFault.throttled(Duration.ofSeconds(30)));

            JsonNode card = say(contoso.helpdesk(), "status " + name);

            assertThat(text(card)).contains("Microsoft Graph is throttling requests right now").doesNotContain("HTTP")
                    .doesNotContain("Retry-After");
            assertThat(people(card)).hasSize(2);
            assertThat(text(personOn(card, name + " Ada"))).contains("Could enroll now: unknown");
        }

        @Test
        void aHangingGraphIsAnsweredWithinTheTeamsInvokeDeadline() {
            FakeUser ada = person(prefix() + " Ada");
            enrolled(contoso, ada);
            JsonNode first = say(contoso.helpdesk(), "status " + prefix());
            fakes.graph().failAlways(GraphFault.hang());

            long start = System.nanoTime();
            JsonNode card = pressWith(contoso.helpdesk(), first, HelpdeskFlow.SEARCH, Map.of("who", ada.mail()));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            // Teams gives up on an invoke after 5 s and sends it again: this is a deadline, not a speed test.
            assertThat(took).isLessThan(Duration.ofSeconds(5));
            assertThat(text(card)).contains("the directory did not answer in time");
            assertThat(fact(personOn(card, ada.displayName()), "State")).isEqualTo("Enrolled");
        }

        @Test
        void aDirectoryBrokenForAnEmployeeAndForTheHelpdeskAlertsTheAdminsOnce() {
            Organization tailwind = organization("Tailwind");
            FakeUser ada = person(prefix() + " Ada");
            TeamsUser employee = inTeams(tailwind, ada);
            fakes.graph().failAlways(GraphFault.forbidden());

            assertThat(text(say(employee, "enroll"))).contains("Enrollment is temporarily unavailable");
            say(tailwind.helpdesk(), "status " + ada.mail());

            assertThat(connector.await(call -> isTo(tailwind.admin(), call)
                    && String.valueOf(call.text()).contains("stopped working")).text())
                    .contains("Employees cannot enroll").contains("The helpdesk cannot look people up")
                    .contains("User.Read.All");
            assertThat(count("SELECT count(*) FROM admin_notices WHERE org_id = ?", tailwind.tenantId())).isEqualTo(1);
        }

        @Test
        void aMissingPermissionTellsTheAgentAnAdminIsNeededAndTellsTheAdmins() {
            Organization northwind = organization("Northwind");
            FakeUser ada = person(prefix() + " Ada");
            enrolled(northwind, ada);
            fakes.graph().failAlways(GraphFault.forbidden());

            JsonNode card = say(northwind.helpdesk(), "status " + ada.mail());

            assertThat(text(card)).contains("its registration needs an admin's attention").doesNotContain("HTTP")
                    .doesNotContain("Authorization_RequestDenied");
            assertThat(fact(personOn(card, ada.displayName()), "State")).isEqualTo("Enrolled");
            assertThat(connector.await(call -> isTo(northwind.admin(), call)
                    && String.valueOf(call.text()).contains("The helpdesk cannot look people up")).text())
                    .contains("Northwind").contains("User.Read.All").doesNotContain(SECRET);
        }

        @Test
        void aResetDuringAGraphOutageStillRevokesAndSaysTheProfileCouldNotBeRead() {
            FakeUser ada = person(prefix() + " Ada");
            TeamsUser employee = enrolled(contoso, ada);
            JsonNode form = press(contoso.helpdesk(), personOn(say(contoso.helpdesk(), "status " + ada.mail()),
                    ada.displayName()), HelpdeskFlow.RESET);
            JsonNode confirmation = pressWith(contoso.helpdesk(), form, HelpdeskFlow.REVIEW, Map.of("reason", "Lost phone"));
            fakes.graph().failAlways(GraphFault.serverError(502));

            JsonNode after = press(contoso.helpdesk(), confirmation, HelpdeskFlow.CONFIRM);

            assertThat(stateOf(employee)).isEqualTo("revoked");
            assertThat(text(after)).contains("is revoked").contains("I could not read " + ada.displayName());
        }
    }

    @Nested
    class EnrollmentsList {

        @Test
        void countsPerDirectoryAndStateAndTheLatestChangesWithWhoAndWhy() {
            Organization litware = organization("Litware");
            FakeUser ada = person(prefix() + " Ada");
            enrolled(litware, ada);
            enrolled(litware, person(prefix() + " Ben"));
            TeamsUser cy = enrolled(litware, person(prefix() + " Cy"));
            update("UPDATE enrollments SET state = 'disabled' WHERE object_id = ?", cy.objectId());
            JsonNode form = press(litware.helpdesk(), personOn(say(litware.helpdesk(), "status " + ada.mail()),
                    ada.displayName()), HelpdeskFlow.RESET);
            press(litware.helpdesk(), pressWith(litware.helpdesk(), form, HelpdeskFlow.REVIEW, Map.of("reason", "Lost phone")),
                    HelpdeskFlow.CONFIRM);

            JsonNode card = say(litware.helpdesk(), "enrollments");

            assertThat(text(card)).contains("Litware");
            JsonNode counts = card.path("body").get(1).path("items").get(1).path("facts");
            assertThat(counts.toString()).contains("{\"title\":\"Enrolled\",\"value\":\"1\"}")
                    .contains("{\"title\":\"Revoked\",\"value\":\"1\"}").contains("{\"title\":\"Disabled\",\"value\":\"1\"}");
            assertThat(text(card)).contains(ada.displayName() + " (" + ada.userPrincipalName() + "): revoked")
                    .contains("by Hank Helpdesk: Lost phone").contains("by themselves: self-enrolled in Teams")
                    .doesNotContain("enrollments.page\",\"data\":{\"at\"");
        }

        @Test
        void morepagesThroughEveryChangeOnceNewestFirstEvenWhenChangesShareATimestamp() {
            Organization adatum = organization("Adatum");
            enrolled(adatum, person(prefix() + " First"));
            for (int i = 0; i < 44; i++) {
                String enrollment = UUID.randomUUID().toString();
                update("INSERT INTO enrollments (id, org_id, directory_id, object_id, upn, display_name, mail, mobile_e164,"
                        + " state, enrolled_at, updated_at) VALUES (?::uuid, ?, ?, ?, ?, ?, ?, '+46701234512', 'enrolled',"
                        + " now(), now())", enrollment, adatum.tenantId(), adatum.directory().id(), UUID.randomUUID().toString(),
                        "p" + i + "@adatum.example", String.format("Bulk %02d", i), "p" + i + "@adatum.example");
                update("INSERT INTO enrollment_events (enrollment_id, org_id, state, actor_id, reason, at)"
                        + " VALUES (?::uuid, ?, 'enrolled', 'bulk', 'imported', '2030-01-01T00:00:00Z')", enrollment,
                        adatum.tenantId());
            }

            JsonNode first = say(adatum.helpdesk(), "enrollments");
            JsonNode second = press(adatum.helpdesk(), first, "enrollments.page");
            JsonNode third = press(adatum.helpdesk(), second, "enrollments.page");

            List<String> shown = new ArrayList<>();
            for (JsonNode page : List.of(first, second, third)) {
                page.path("body").forEach(item -> {
                    String line = item.path("items").path(0).path("text").asText();
                    if (line.contains(": enrolled")) {
                        shown.add(line.substring(0, line.indexOf(" (")));
                    }
                });
            }
            List<String> expected = new ArrayList<>();
            for (int i = 43; i >= 0; i--) {
                expected.add(String.format("Bulk %02d", i));
            }
            assertThat(shown.subList(0, 44)).containsExactlyElementsOf(expected);
            assertThat(shown).hasSize(45).doesNotHaveDuplicates();
            assertThat(text(first)).contains("The latest changes");
            assertThat(text(third)).contains("Earlier changes").contains("Newest");
            assertThat(collectVerbs(third)).containsExactly("enrollments.page");
        }

        @Test
        void aForgedOrUnreadableCursorShowsTheFirstPageOfTheCallersOwnOrganization() {
            Organization tailspin = organization("Tailspin");
            FakeUser ada = person(prefix() + " Ada");
            enrolled(tailspin, ada);
            enrolled(contoso, person(prefix() + " Other"));

            JsonNode garbage = invoke(tailspin.helpdesk(), "enrollments.page",
                    JSON.createObjectNode().put("at", "'; DROP TABLE enrollments; --").put("id", "x"));
            JsonNode farFuture = invoke(tailspin.helpdesk(), "enrollments.page",
                    JSON.createObjectNode().put("at", "2999-01-01T00:00:00Z").put("id", Long.MAX_VALUE));

            assertThat(text(garbage)).contains("The latest changes").contains(ada.displayName());
            assertThat(text(farFuture)).contains(ada.displayName()).doesNotContain("Other");
        }

        private List<String> collectVerbs(JsonNode card) {
            List<String> verbs = new ArrayList<>();
            card.path("actions").forEach(action -> {
                if (action.path("data").has("at")) {
                    verbs.add("more");
                } else {
                    verbs.add(action.path("verb").asText());
                }
            });
            return verbs;
        }
    }
}
