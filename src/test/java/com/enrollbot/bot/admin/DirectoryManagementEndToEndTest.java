package com.enrollbot.bot.admin;

import static com.enrollbot.bot.admin.DirectoryRegistrationEndToEndTest.input;
import static com.enrollbot.bot.admin.DirectoryRegistrationEndToEndTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.enrollbot.core.access.AccessService;
import com.enrollbot.core.access.Caller;
import com.enrollbot.core.access.Role;
import com.enrollbot.core.access.RoleChange;
import com.enrollbot.core.access.RoleService;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An admin manages registered directories, roles and reads the audit trail, end to end. */
class DirectoryManagementEndToEndTest {

    private static final String ORG = "0d0d0d0d-0000-4000-8000-00000000000a";
    private static final String ADMIN_ID = "a2a2a2a2-0000-4000-8000-0000000000a2";
    private static final String OTHER_ORG = "0d0d0d0d-0000-4000-8000-00000000000b";
    private static final String OTHER_ADMIN_ID = "b2b2b2b2-0000-4000-8000-0000000000b2";

    private static EntraFakes fakes;
    private static FakeConnector connector;
    private static TestDatabases.Database database;
    private static RunningBot bot;
    private static TeamsUser admin;
    private static AdminDialogs dialogs;

    @BeforeAll
    static void start() {
        fakes = new EntraFakes();
        connector = new FakeConnector();
        database = TestDatabases.fresh();
        Map<String, Object> settings = RunningBot.defaults(database);
        settings.put("BOOTSTRAP_ADMIN_IDS", ADMIN_ID + "," + OTHER_ADMIN_ID);
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

    @AfterEach
    void clearFaults() {
        fakes.graph().clearFaults();
    }

    private static String guid() {
        return UUID.randomUUID().toString();
    }

    /** A connected directory of {@link #ORG} whose app accepts {@code secret}. */
    private static Directory registered(String name, String secret) {
        String tenant = guid();
        String client = guid();
        fakes.entra().registerApp(tenant, client, secret);
        return dialogs.register(name, tenant, client, secret);
    }

    private static Directory stored(Directory directory) {
        return bot.bean(DirectoryAccess.class).forTenant(directory.tenantId()).orElseThrow();
    }

    private static Map<String, String> manage(String name, String expiresOn, String newSecret) {
        return Map.of("name", name, "expiresOn", expiresOn, "newSecret", newSecret);
    }

    @Test
    void theManageDialogShowsTheDirectoryAndThatASecretIsSetButNeverTheSecret() {
        Directory directory = registered("Shown", "manage-dialog-secret");

        JsonNode answer = dialogs.openManage(directory.id());

        JsonNode card = AdminDialogs.dialogCard(answer);
        assertThat(answer.path("task").path("value").path("title").asText()).isEqualTo("Manage Shown");
        assertThat(input(card, "name").path("value").asText()).isEqualTo("Shown");
        assertThat(input(card, "newSecret").path("style").asText()).isEqualTo("password");
        assertThat(input(card, "newSecret").has("value")).isFalse();
        assertThat(card.toString()).contains(directory.tenantId()).contains("set (never shown again)").doesNotContain("manage-dialog-secret");
    }

    @Test
    void editingTheNameAndExpiryKeepsTheSecretAndMovesTheVersionOn() {
        Directory directory = registered("Before", "kept-secret");
        String expiry = LocalDate.now().plusYears(1).toString();

        JsonNode answer = dialogs.submitManage(directory.id(), directory.version(), manage("After", expiry, ""));

        assertThat(answer.has("task")).isFalse();
        Directory edited = stored(directory);
        assertThat(edited.displayName()).isEqualTo("After");
        assertThat(edited.secretExpiresOn()).hasToString(expiry);
        assertThat(edited.version()).isEqualTo(directory.version() + 1);
        assertThat(edited.status()).isEqualTo(DirectoryStatus.CONNECTED);
        assertThat(bot.bean(DirectoryAccess.class).credentialsOf(edited).clientSecret()).isEqualTo("kept-secret");
        assertThat(connector.await(call -> call.text() != null && call.text().contains("'After' is saved")).text())
                .contains("It is connected");
    }

    @Test
    void twoAdminsEditingAtOnceNeverSilentlyOverwriteEachOther() {
        Directory directory = registered("Shared", "concurrent-secret");
        AdminDialogs secondAdmin = new AdminDialogs(bot, new TeamsUser(ORG, OTHER_ADMIN_ID, "Second admin", connector));
        dialogs.openManage(directory.id());
        secondAdmin.openManage(directory.id());

        JsonNode first = dialogs.submitManage(directory.id(), directory.version(), manage("First wins", "", ""));
        JsonNode second = secondAdmin.submitManage(directory.id(), directory.version(), manage("Second loses", "", ""));

        assertThat(first.has("task")).isFalse();
        JsonNode card = AdminDialogs.dialogCard(second);
        assertThat(text(card)).contains("Someone changed this directory while you had it open");
        assertThat(input(card, "name").path("value").asText()).isEqualTo("First wins");
        assertThat(stored(directory).displayName()).isEqualTo("First wins");
    }

    @Test
    void rotatingTheSecretChecksTheNewOneAndKeepsOnlyIt() {
        Directory directory = registered("Rotating", "old-secret");
        fakes.entra().registerApp(directory.tenantId(), directory.clientId(), "new-secret");

        JsonNode answer = dialogs.submitManage(directory.id(), directory.version(), manage("Rotating", "", "new-secret"));

        assertThat(answer.has("task")).isFalse();
        Directory rotated = stored(directory);
        assertThat(bot.bean(DirectoryAccess.class).credentialsOf(rotated).clientSecret()).isEqualTo("new-secret");
        assertThat(rotated.status()).isEqualTo(DirectoryStatus.CONNECTED);
        assertThat(connector.await(call -> call.text() != null && call.text().contains("'Rotating' is given its new secret")).text())
                .contains("It is connected");
    }

    @Test
    void aNewSecretThatFailsItsCheckIsKeptOutUnlessTheAdminInsists() {
        Directory directory = registered("Careful", "good-secret");

        JsonNode refused = dialogs.submitManage(directory.id(), directory.version(), manage("Careful", "", "typo-secret"));

        JsonNode card = AdminDialogs.dialogCard(refused);
        assertThat(text(card)).contains("The new secret failed its connection check, so I kept the old one: Entra ID refused"
                + " the client secret (AADSTS7000215)");
        assertThat(input(card, "saveAnyway").path("type").asText()).isEqualTo("Input.Toggle");
        assertThat(bot.bean(DirectoryAccess.class).credentialsOf(stored(directory)).clientSecret()).isEqualTo("good-secret");

        Map<String, String> insisting = new HashMap<>(manage("Careful", "", "typo-secret"));
        insisting.put("saveAnyway", "true");
        JsonNode saved = dialogs.submitManage(directory.id(), directory.version(), insisting);

        assertThat(saved.has("task")).isFalse();
        assertThat(stored(directory).status()).isEqualTo(DirectoryStatus.FAILING);
        assertThat(bot.bean(DirectoryAccess.class).credentialsOf(stored(directory)).clientSecret()).isEqualTo("typo-secret");
    }

    @Test
    void checkAgainExplainsAFailureOnTheListCardAndRecordsIt() {
        Directory directory = registered("Consent", "consent-secret");
        fakes.graph().failAlways(GraphFault.forbidden());

        JsonNode answer = dialogs.execute("directories.check", Map.of("directoryId", directory.id().toString()));

        JsonNode card = answer.path("value");
        assertThat(answer.path("type").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(text(card)).contains("Checked 'Consent': it fails. The app signed in, but Microsoft Graph refused to"
                + " read users (403)");
        assertThat(stored(directory).status()).isEqualTo(DirectoryStatus.FAILING);
        assertThat(stored(directory).version()).isEqualTo(directory.version());

        fakes.graph().clearFaults();
        JsonNode again = dialogs.execute("directories.check", Map.of("directoryId", directory.id().toString()));

        assertThat(text(again.path("value"))).contains("Checked 'Consent': connected.");
        assertThat(stored(directory).status()).isEqualTo(DirectoryStatus.CONNECTED);
    }

    @Test
    void disablingAndEnablingShowOnTheListAndAStaleButtonChangesNothing() {
        Directory directory = registered("Toggled", "toggle-secret");

        JsonNode disabled = dialogs.execute("directories.disable",
                Map.of("directoryId", directory.id().toString(), "version", directory.version()));

        assertThat(text(disabled.path("value"))).contains("'Toggled' is disabled: nobody can enroll through it");
        assertThat(disabled.path("value").toString()).contains("Disabled (last check: connected)");
        assertThat(stored(directory).enabled()).isFalse();

        JsonNode stale = dialogs.execute("directories.enable",
                Map.of("directoryId", directory.id().toString(), "version", directory.version()));

        assertThat(text(stale.path("value"))).contains("Someone changed that directory meanwhile, so I changed nothing.");
        assertThat(stored(directory).enabled()).isFalse();

        dialogs.execute("directories.enable", Map.of("directoryId", directory.id().toString(), "version", stored(directory).version()));

        assertThat(stored(directory).enabled()).isTrue();
    }

    @Test
    void deletingAsksFirstSayingHowManyEnrollmentsGoWithItAndLeavesNoSecretBehind() throws SQLException {
        Directory directory = registered("Doomed", "doomed-secret");
        enroll(directory, 2);

        JsonNode confirmation = dialogs.execute("directories.delete", Map.of("directoryId", directory.id().toString()));

        assertThat(text(confirmation.path("value"))).contains("Delete 'Doomed'?").contains("It holds 2 enrollments.");
        assertThat(stored(directory)).isNotNull();

        JsonNode deleted = dialogs.execute("directories.delete.confirm",
                Map.of("directoryId", directory.id().toString(), "version", directory.version()));

        assertThat(text(deleted.path("value"))).contains("Deleted 'Doomed' with its enrollments; its client secret is erased.");
        assertThat(bot.bean(DirectoryAccess.class).forTenant(directory.tenantId())).isEmpty();
        assertThat(count("SELECT count(*) FROM directories WHERE id = ?", directory.id())).isZero();
        assertThat(count("SELECT count(*) FROM enrollments WHERE directory_id = ?", directory.id())).isZero();
    }

    @Test
    void anAdminOfAnotherOrganizationCanNeitherSeeNorTouchADirectoryEvenWithItsId() {
        Directory directory = registered("Not yours", "cross-org-secret");
        TeamsUser intruder = new TeamsUser(OTHER_ORG, OTHER_ADMIN_ID, "Other admin", connector);
        AdminDialogs theirs = new AdminDialogs(bot, intruder);
        String id = directory.id().toString();

        JsonNode manage = theirs.openManage(directory.id());
        JsonNode update = theirs.submitManage(directory.id(), directory.version(), manage("Taken over", "", "their-secret"));
        JsonNode check = theirs.execute("directories.check", Map.of("directoryId", id));
        JsonNode disable = theirs.execute("directories.disable", Map.of("directoryId", id, "version", directory.version()));
        JsonNode confirm = theirs.execute("directories.delete", Map.of("directoryId", id));
        JsonNode delete = theirs.execute("directories.delete.confirm", Map.of("directoryId", id, "version", directory.version()));

        assertThat(manage.path("task").path("value").asText()).startsWith("That directory does not exist in your organization");
        assertThat(update.path("task").path("value").asText()).startsWith("That directory does not exist in your organization");
        for (JsonNode answer : new JsonNode[] {check, disable, confirm, delete}) {
            assertThat(text(answer.path("value"))).contains("That directory does not exist in your organization")
                    .doesNotContain("Not yours").doesNotContain(directory.tenantId());
        }
        Directory untouched = stored(directory);
        assertThat(untouched).isEqualTo(directory);
        assertThat(bot.bean(DirectoryAccess.class).credentialsOf(untouched).clientSecret()).isEqualTo("cross-org-secret");
        assertThat(bot.bean(AuditLog.class).latest(OTHER_ORG, 20))
                .filteredOn(record -> id.equals(record.entry().subject()))
                .extracting(record -> record.entry().outcome())
                .isNotEmpty().containsOnly(AuditEntry.Outcome.REFUSED);
    }

    @Test
    void adminsGrantAndRevokeRolesByUpnThroughTheOrganizationsDirectoryAndByObjectId() {
        registered("People", "people-secret");
        FakeUser megan = fakes.graph().putUser(FakeUser.member("Megan Bowen", "megan@" + ORG + ".test", "megan.bowen@" + ORG + ".test",
                "+1 425 555 0109"));
        AccessService access = bot.bean(AccessService.class);
        Caller meganInTeams = new Caller(ORG, megan.id(), "Megan Bowen");

        admin.send(bot, admin.message("roles grant helpdesk MEGAN.BOWEN@" + ORG + ".test"));

        assertThat(connector.await(call -> call.card().toString().contains("is now a helpdesk")).card().toString())
                .contains("Megan Bowen (" + megan.id() + ") is now a helpdesk.");
        assertThat(access.roleOf(meganInTeams)).isEqualTo(Role.HELPDESK);

        JsonNode revoked = dialogs.execute("roles.revoke", Map.of("person", megan.id(), "role", "helpdesk"));

        assertThat(text(revoked.path("value"))).contains("is no longer a helpdesk.");
        assertThat(access.roleOf(meganInTeams)).isEqualTo(Role.EMPLOYEE);

        JsonNode granted = dialogs.execute("roles.grant", Map.of("person", megan.id(), "role", "admin"));

        assertThat(text(granted.path("value"))).contains(megan.id() + " is now an admin.");
        assertThat(access.roleOf(meganInTeams)).isEqualTo(Role.ADMIN);
        assertThat(bot.bean(AuditLog.class).latest(ORG, 10)).extracting(record -> record.entry().action())
                .contains("role.grant", "role.revoke");
    }

    @Test
    void withoutADirectoryPeopleCanBeNamedByObjectIdOnly() {
        String org = guid();
        TeamsUser bootstrap = new TeamsUser(org, ADMIN_ID, "Adele Vance", connector);

        JsonNode answer = new AdminDialogs(bot, bootstrap).execute("roles.grant", Map.of("person", "lee@nowhere.test", "role", "helpdesk"));

        assertThat(text(answer.path("value"))).contains("I can look people up by UPN or e-mail only through a registered"
                + " directory, and this organization has none enabled. Use their Entra object id instead.");
    }

    @Test
    void twoAdminsRemovingEachOtherAtOnceLeaveOneAdmin() {
        String org = guid();
        String first = guid();
        String second = guid();
        AdminDialogs bootstrap = new AdminDialogs(bot, new TeamsUser(org, ADMIN_ID, "Bootstrap", connector));
        bootstrap.execute("roles.grant", Map.of("person", first, "role", "admin"));
        bootstrap.execute("roles.grant", Map.of("person", second, "role", "admin"));
        RoleService roles = bot.bean(RoleService.class);

        // Both passed the role check before either revocation was stored.
        RoleChange one = roles.revoke(new Caller(org, first, "First"), second, Role.ADMIN);
        RoleChange other = roles.revoke(new Caller(org, second, "Second"), first, Role.ADMIN);

        assertThat(one).isInstanceOf(RoleChange.Revoked.class);
        assertThat(other).isInstanceOf(RoleChange.Unchanged.class);
        assertThat(((RoleChange.Unchanged) other).message()).isEqualTo(first + " is the last admin of this organization,"
                + " so they cannot be removed.");
        AccessService access = bot.bean(AccessService.class);
        assertThat(access.roleOf(new Caller(org, first, ""))).isEqualTo(Role.ADMIN);
        assertThat(access.roleOf(new Caller(org, second, ""))).isEqualTo(Role.EMPLOYEE);
    }

    @Test
    void theLastAdminOfAnOrganizationCannotRemoveThemself() {
        String org = guid();
        String grantedAdmin = guid();
        new AdminDialogs(bot, new TeamsUser(org, ADMIN_ID, "Bootstrap", connector))
                .execute("roles.grant", Map.of("person", grantedAdmin, "role", "admin"));
        AdminDialogs self = new AdminDialogs(bot, new TeamsUser(org, grantedAdmin, "Only admin", connector));

        JsonNode refused = self.execute("roles.revoke", Map.of("person", grantedAdmin, "role", "admin"));

        assertThat(text(refused.path("value"))).contains("You are the last admin of this organization, so you cannot"
                + " remove yourself. Make someone else an admin first.");
        assertThat(bot.bean(AccessService.class).roleOf(new Caller(org, grantedAdmin, ""))).isEqualTo(Role.ADMIN);

        String another = guid();
        self.execute("roles.grant", Map.of("person", another, "role", "admin"));
        JsonNode allowed = self.execute("roles.revoke", Map.of("person", grantedAdmin, "role", "admin"));

        assertThat(text(allowed.path("value"))).contains(grantedAdmin + " is no longer an admin.");
        assertThat(bot.bean(AccessService.class).roleOf(new Caller(org, grantedAdmin, ""))).isEqualTo(Role.EMPLOYEE);
    }

    @Test
    void theAuditCommandShowsTheLatestChangesOfTheAdminsOwnOrganization() {
        Directory directory = registered("Audited", "audited-secret");
        new AdminDialogs(bot, new TeamsUser(OTHER_ORG, OTHER_ADMIN_ID, "Other admin", connector))
                .execute("roles.grant", Map.of("person", guid(), "role", "helpdesk"));

        admin.send(bot, admin.message("audit"));

        JsonNode card = connector.await(call -> call.path().contains(admin.conversationId())
                && call.card().toString().contains("Audit trail")).card();
        assertThat(text(card)).contains("directory.register · succeeded")
                .contains("'Audited' (tenant " + directory.tenantId() + ") saved as connected")
                .contains("by " + ADMIN_ID)
                .doesNotContain(OTHER_ADMIN_ID);
    }

    private static void enroll(Directory directory, int people) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url(), database.username(), database.password());
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO enrollments (id, org_id, directory_id, object_id, mobile_e164, state, enrolled_at, updated_at)
                     VALUES (?, ?, ?, ?, '+14255550100', 'enrolled', now(), now())""")) {
            for (int i = 0; i < people; i++) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, directory.orgId());
                insert.setObject(3, directory.id());
                insert.setString(4, guid());
                insert.executeUpdate();
            }
        }
    }

    private static int count(String sql, UUID id) {
        try (Connection connection = DriverManager.getConnection(database.url(), database.username(), database.password());
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, id);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
