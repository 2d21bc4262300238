package com.enrollbot.bot.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import com.enrollbot.core.audit.AuditEntry;
import com.enrollbot.core.audit.AuditLog;
import com.enrollbot.core.directory.Directory;
import com.enrollbot.core.directory.DirectoryAccess;
import com.enrollbot.core.directory.DirectoryStatus;
import com.enrollbot.testing.AdminDialogs;
import com.enrollbot.testing.EntraFakes;
import com.enrollbot.testing.FakeConnector;
import com.enrollbot.testing.FakeUser;
import com.enrollbot.testing.GraphFault;
import com.enrollbot.testing.RunningBot;
import com.enrollbot.testing.TeamsUser;
import com.enrollbot.testing.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** An admin registers directories through the Register dialog, against the real SDKs and the Entra/Graph fakes. */
class DirectoryRegistrationEndToEndTest {

    private static final String ORG = "0c0c0c0c-0000-4000-8000-00000000000a";
    private static final String ADMIN_ID = "a1a1a1a1-0000-4000-8000-0000000000a1";
    private static final String OTHER_ORG = "0c0c0c0c-0000-4000-8000-00000000000b";
    private static final String OTHER_ADMIN_ID = "b1b1b1b1-0000-4000-8000-0000000000b1";

    private static final ObjectMapper JSON = new ObjectMapper();

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
        settings.put("BOOTSTRAP_ADMIN_IDS", ADMIN_ID + "," + OTHER_ADMIN_ID);
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

        String requestKey = AdminDialogs.requestKeyOf(card);
        assertThat(requestKey).isEqualTo(UUID.fromString(requestKey).toString());
        assertThat(card.path("body").findValues("id").stream().map(JsonNode::asText))
                .contains("name", "tenantId", "clientId", "secret", "expiresOn");
        JsonNode secretInput = input(card, "secret");
        assertThat(secretInput.path("style").asText()).isEqualTo("password");
        assertThat(secretInput.has("value")).isFalse();
    }

    @Test
    void invalidInputComesBackInTheSameDialogWithEachMessageNextToItsFieldAndEverythingButTheSecretKept() {
        String requestKey = AdminDialogs.requestKeyOf(AdminDialogs.dialogCard(dialogs.openRegistration()));
        Map<String, String> typed = AdminDialogs.registration("", "not-a-tenant", "1234", "");
        typed.put("expiresOn", "31/12/2030");

        JsonNode card = AdminDialogs.dialogCard(dialogs.submitRegistration(requestKey, typed));

        assertThat(messageAfter(card, "name")).isEqualTo("Give the directory a name (1 to 64 characters).");
        assertThat(messageAfter(card, "tenantId")).startsWith("A tenant ID looks like").contains("Directory (tenant) ID");
        assertThat(messageAfter(card, "clientId")).startsWith("A client ID looks like").contains("Application (client) ID");
        assertThat(messageAfter(card, "secret")).contains("Paste the client secret's Value");
        assertThat(messageAfter(card, "expiresOn")).isEqualTo("Use a date like 2027-01-31, or leave it empty.");
        assertThat(input(card, "tenantId").path("value").asText()).isEqualTo("not-a-tenant");
        assertThat(input(card, "clientId").path("value").asText()).isEqualTo("1234");
        assertThat(input(card, "expiresOn").path("value").asText()).isEqualTo("31/12/2030");
        assertThat(AdminDialogs.requestKeyOf(card)).isEqualTo(requestKey);
        assertThat(bot.bean(DirectoryAccess.class).ofOrganization(ORG)).noneMatch(d -> d.tenantId().equals("not-a-tenant"));
    }

    @Test
    void aNameLongerThan64CharactersAndAnExpiryInThePastAreRefusedWhileTheSecretIsNeverEchoed() {
        String tenant = guid();
        String client = guid();
        fakes.entra().registerApp(tenant, client, "never-echo-me-1");
        String requestKey = AdminDialogs.requestKeyOf(AdminDialogs.dialogCard(dialogs.openRegistration()));
        Map<String, String> typed = AdminDialogs.registration("x".repeat(65), tenant, client, "never-echo-me-1");
        typed.put("expiresOn", "2020-01-31");

        JsonNode answer = dialogs.submitRegistration(requestKey, typed);

        JsonNode card = AdminDialogs.dialogCard(answer);
        assertThat(messageAfter(card, "name")).isEqualTo("Use at most 64 characters (this has 65).");
        assertThat(messageAfter(card, "expiresOn")).startsWith("That date has passed, so the secret has expired");
        assertThat(input(card, "name").path("value").asText()).isEqualTo("x".repeat(65));
        assertThat(input(card, "tenantId").path("value").asText()).isEqualTo(tenant);
        assertThat(input(card, "secret").has("value")).isFalse();
        assertThat(answer.toString()).doesNotContain("never-echo-me-1");
        assertThat(bot.bean(DirectoryAccess.class).forTenant(tenant)).isEmpty();
    }

    @Test
    void aTenantRegisteredByAnotherOrganizationCannotBeRegisteredAgainAndItsNameIsNotRevealed() {
        String tenant = guid();
        String client = guid();
        fakes.entra().registerApp(tenant, client, "other-org-secret");
        TeamsUser otherAdmin = new TeamsUser(OTHER_ORG, OTHER_ADMIN_ID, "Lee Gu", connector);
        new AdminDialogs(bot, otherAdmin).register("Northwind private", tenant, client, "other-org-secret");
        String requestKey = AdminDialogs.requestKeyOf(AdminDialogs.dialogCard(dialogs.openRegistration()));

        JsonNode card = AdminDialogs.dialogCard(dialogs.submitRegistration(requestKey,
                AdminDialogs.registration("Mine now", tenant.toUpperCase(), client, "other-org-secret")));

        assertThat(messageAfter(card, "tenantId")).startsWith("This Entra tenant is already registered");
        assertThat(card.toString()).doesNotContain("Northwind private");
        assertThat(bot.bean(DirectoryAccess.class).forTenant(tenant).orElseThrow().orgId()).isEqualTo(OTHER_ORG);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failedChecks")
    void aFailedConnectionCheckIsExplainedInTheDialogAndNothingIsSaved(String failure, Setup setup, String instruction) {
        String tenant = guid();
        String client = guid();
        setup.apply(tenant, client);
        try {
            String requestKey = AdminDialogs.requestKeyOf(AdminDialogs.dialogCard(dialogs.openRegistration()));

            JsonNode card = AdminDialogs.dialogCard(dialogs.submitRegistration(requestKey,
                    AdminDialogs.registration("Check " + failure, tenant, client, "typed-secret")));

            assertThat(text(card)).contains("The connection check failed: ").contains(instruction);
            assertThat(input(card, "saveAnyway").path("type").asText()).isEqualTo("Input.Toggle");
            assertThat(input(card, "name").path("value").asText()).isEqualTo("Check " + failure);
            assertThat(bot.bean(DirectoryAccess.class).forTenant(tenant)).isEmpty();
        } finally {
            fakes.graph().clearFaults();
            fakes.entra().failWithStatus(0);
        }
    }

    interface Setup {
        void apply(String tenant, String client);
    }

    static Stream<Arguments> failedChecks() {
        return Stream.of(
                Arguments.of("tenant not found", (Setup) (tenant, client) -> { },
                        "Entra ID does not know this tenant (AADSTS90002). Copy the Directory (tenant) ID"),
                Arguments.of("app not found", (Setup) (tenant, client) -> fakes.entra().registerTenant(tenant),
                        "There is no application with this client ID in the tenant (AADSTS700016)"),
                Arguments.of("invalid secret", (Setup) (tenant, client) -> fakes.entra().registerApp(tenant, client, "the-real-one"),
                        "Entra ID refused the client secret (AADSTS7000215). Paste the secret's Value, not its Secret ID"),
                Arguments.of("expired secret", (Setup) (tenant, client) -> fakes.entra().registerApp(tenant, client, "typed-secret")
                                .expireSecret(tenant, client, "typed-secret"),
                        "The client secret has expired (AADSTS7000222). Create a new client secret"),
                Arguments.of("consent missing", (Setup) (tenant, client) -> {
                            fakes.entra().registerApp(tenant, client, "typed-secret");
                            fakes.graph().failAlways(GraphFault.forbidden());
                        },
                        "Microsoft Graph refused to read users (403). Under API permissions add Microsoft Graph >"
                                + " Application permissions > User.Read.All, then press Grant admin consent."),
                Arguments.of("graph server error", (Setup) (tenant, client) -> {
                            fakes.entra().registerApp(tenant, client, "typed-secret");
                            fakes.graph().failAlways(GraphFault.serverError(503));
                        },
                        "Entra ID or Microsoft Graph answered with a server error (Graph HTTP 503 serviceNotAvailable)."
                                + " Check again in a few minutes."),
                Arguments.of("entra server error", (Setup) (tenant, client) -> {
                            fakes.entra().registerApp(tenant, client, "typed-secret");
                            fakes.entra().failWithStatus(503);
                        },
                        "Entra ID or Microsoft Graph answered with a server error"));
    }

    @Test
    void aFailingDirectoryIsSavedAsFailingWhenTheAdminAsksForIt() {
        String tenant = guid();
        String client = guid();
        fakes.entra().registerApp(tenant, client, "typed-secret").expireSecret(tenant, client, "typed-secret");
        // The organization's own tenant: another organization's is saved only after a passing check (next test).
        AdminDialogs own = new AdminDialogs(bot, new TeamsUser(tenant, ADMIN_ID, "Adele Vance", connector));
        String requestKey = AdminDialogs.requestKeyOf(AdminDialogs.dialogCard(own.openRegistration()));
        Map<String, String> typed = AdminDialogs.registration("Saved failing", tenant, client, "typed-secret");
        own.submitRegistration(requestKey, typed);
        typed.put("saveAnyway", "true");

        JsonNode answer = own.submitRegistration(requestKey, typed);

        assertThat(answer.has("task")).isFalse();
        Directory directory = bot.bean(DirectoryAccess.class).forTenant(tenant).orElseThrow();
        assertThat(directory.status()).isEqualTo(DirectoryStatus.FAILING);
        assertThat(directory.statusReason()).startsWith("The client secret has expired (AADSTS7000222)");
        assertThat(connector.await(call -> call.text() != null && call.text().contains("'Saved failing' is registered")).text())
                .contains("It is saved as failing, so nobody can enroll through it yet. The client secret has expired");
    }

    @Test
    void anotherOrganizationsTenantIsNotSavedWithoutAPassingCheckEvenWhenTheAdminAsksForIt() {
        String tenant = guid();
        String client = guid();
        fakes.entra().registerApp(tenant, client, "typed-secret").expireSecret(tenant, client, "typed-secret");
        String requestKey = AdminDialogs.requestKeyOf(AdminDialogs.dialogCard(dialogs.openRegistration()));
        Map<String, String> typed = AdminDialogs.registration("Not ours", tenant, client, "typed-secret");
        typed.put("saveAnyway", "true");

        JsonNode card = AdminDialogs.dialogCard(dialogs.submitRegistration(requestKey, typed));

        assertThat(card.toString()).contains("The client secret has expired (AADSTS7000222)")
                .contains("This tenant is not your organization's own, so it is saved only once its connection check passes.");
        assertThat(bot.bean(DirectoryAccess.class).forTenant(tenant)).isEmpty();
    }

    @Test
    void aRetriedOrDoubleClickedSubmitCreatesOneDirectory() throws Exception {
        String tenant = guid();
        String client = guid();
        fakes.entra().registerApp(tenant, client, "double-click");
        String requestKey = AdminDialogs.requestKeyOf(AdminDialogs.dialogCard(dialogs.openRegistration()));
        Map<String, String> typed = AdminDialogs.registration("Twice", tenant, client, "double-click");

        ExecutorService clicks = Executors.newFixedThreadPool(2);
        try {
            Future<JsonNode> first = clicks.submit(() -> dialogs.submitRegistration(requestKey, typed));
            Future<JsonNode> second = clicks.submit(() -> dialogs.submitRegistration(requestKey, typed));
            assertThat(first.get().has("task")).isFalse();
            assertThat(second.get().has("task")).isFalse();
        } finally {
            clicks.shutdown();
        }
        JsonNode retry = dialogs.submitRegistration(requestKey, typed);

        assertThat(retry.has("task")).isFalse();
        assertThat(bot.bean(DirectoryAccess.class).ofOrganization(ORG)).filteredOn(d -> d.tenantId().equals(tenant)).hasSize(1);
    }

    @Test
    void aRequestKeyCopiedFromAnotherOrganizationsDialogNeitherReplaysNorRevealsItsDirectory() {
        String tenant = guid();
        String client = guid();
        fakes.entra().registerApp(tenant, client, "first-org");
        String requestKey = AdminDialogs.requestKeyOf(AdminDialogs.dialogCard(dialogs.openRegistration()));
        dialogs.submitRegistration(requestKey, AdminDialogs.registration("First org's", tenant, client, "first-org"));
        String theirTenant = guid();
        fakes.entra().registerApp(theirTenant, client, "second-org");
        AdminDialogs otherOrg = new AdminDialogs(bot, new TeamsUser(OTHER_ORG, OTHER_ADMIN_ID, "Lee Gu", connector));

        JsonNode answer = otherOrg.submitRegistration(requestKey,
                AdminDialogs.registration("Second org's", theirTenant, client, "second-org"));

        assertThat(answer.has("task")).isFalse();
        assertThat(bot.bean(DirectoryAccess.class).forTenant(theirTenant).orElseThrow().orgId()).isEqualTo(OTHER_ORG);
        assertThat(bot.bean(DirectoryAccess.class).forTenant(tenant).orElseThrow().displayName()).isEqualTo("First org's");
    }

    @Test
    void aNonAdminsForgedSubmitIsRefusedAuditedAndChangesNothing() {
        String tenant = guid();
        String client = guid();
        fakes.entra().registerApp(tenant, client, "forged");
        TeamsUser employee = TeamsUser.random(ORG, "Alex Wilber", connector);
        Map<String, Object> data = new LinkedHashMap<>(AdminDialogs.registration("Forged", tenant, client, "forged"));
        data.put("verb", "directories.save");
        data.put("requestKey", guid());

        JsonNode answer = TeamsUser.json(employee.send(bot, employee.taskSubmit(JSON.valueToTree(data))).body());

        assertThat(answer.path("task").path("type").asText()).isEqualTo("message");
        assertThat(answer.path("task").path("value").asText()).isEqualTo("Sorry, only your organization's admins can do that."
                + " Type 'help' to see what you can do.");
        assertThat(bot.bean(DirectoryAccess.class).forTenant(tenant)).isEmpty();
        assertThat(bot.bean(AuditLog.class).latest(ORG, 50)).anySatisfy(record -> {
            assertThat(record.entry().actorId()).isEqualTo(employee.objectId());
            assertThat(record.entry().action()).isEqualTo("verb:directories.save");
            assertThat(record.entry().outcome()).isEqualTo(AuditEntry.Outcome.REFUSED);
        });
    }

    @Test
    void anEmployeeTypingDirectoriesIsToldOnlyAdminsMay() {
        TeamsUser employee = TeamsUser.random(ORG, "Alex Wilber", connector);

        employee.send(bot, employee.message("directories"));

        assertThat(connector.await(call -> call.path().contains(employee.conversationId())).text())
                .isEqualTo("Sorry, only your organization's admins can do that. Type 'help' to see what you can do.");
    }

    @Test
    void theAdminsHelpCardOffersADirectoriesButton() {
        admin.send(bot, admin.message("help"));

        JsonNode card = connector.await(call -> call.path().contains(admin.conversationId())
                && call.card().toString().contains("What I can do for you")).card();
        assertThat(card.path("actions").findValuesAsText("command")).startsWith("directories", "roles", "audit");
    }

    /** The text of the attention-coloured TextBlock right after an input: its message. */
    static String messageAfter(JsonNode card, String inputId) {
        JsonNode body = card.path("body");
        for (int i = 0; i < body.size() - 1; i++) {
            if (inputId.equals(body.get(i).path("id").asText())) {
                JsonNode next = body.get(i + 1);
                return "TextBlock".equals(next.path("type").asText()) ? next.path("text").asText() : "";
            }
        }
        throw new AssertionError("No input " + inputId + " on " + card);
    }

    static String text(JsonNode card) {
        return String.join("\n", card.findValuesAsText("text"));
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
