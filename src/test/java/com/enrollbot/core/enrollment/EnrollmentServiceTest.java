package com.enrollbot.core.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.enrollbot.core.access.Caller;
import com.enrollbot.core.audit.AuditEntry;
import com.enrollbot.core.audit.AuditLog;
import com.enrollbot.core.audit.AuditRecord;
import com.enrollbot.core.directory.Directory;
import com.enrollbot.core.directory.DirectoryAccess;
import com.enrollbot.core.directory.DirectoryCredentials;
import com.enrollbot.core.directory.DirectoryFault;
import com.enrollbot.core.directory.DirectoryGateway;
import com.enrollbot.core.directory.DirectoryProfile;
import com.enrollbot.core.directory.DirectoryStatus;
import com.enrollbot.core.enrollment.EnrollmentOutcome.AlreadyEnrolled;
import com.enrollbot.core.enrollment.EnrollmentOutcome.DirectoryDisabled;
import com.enrollbot.core.enrollment.EnrollmentOutcome.DirectoryUnavailable;
import com.enrollbot.core.enrollment.EnrollmentOutcome.Enrolled;
import com.enrollbot.core.enrollment.EnrollmentOutcome.NoDirectory;
import com.enrollbot.core.enrollment.EnrollmentOutcome.NotEligible;
import com.enrollbot.core.enrollment.EnrollmentOutcome.ProfileChanged;
import com.enrollbot.core.enrollment.EnrollmentOutcome.ReadyToEnroll;
import com.enrollbot.core.enrollment.EnrollmentOutcome.UserNotFound;
import org.junit.jupiter.api.Test;

/** The service's decisions, with hand-written in-memory fakes of its ports. */
class EnrollmentServiceTest {

    private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private static final Duration BUDGET = Duration.ofMillis(3500);

    private final Caller ada = new Caller(TENANT, UUID.randomUUID().toString(), "Ada Lovelace");
    private final Directories directories = new Directories();
    private final Gateway gateway = new Gateway();
    private final Store store = new Store();
    private final Settings settings = new Settings();
    private final Notices notices = new Notices();
    private final Admins admins = new Admins();
    private final Audit audit = new Audit();
    private final EnrollmentService service = new EnrollmentService(directories, gateway, store, settings,
            new PhoneNumbers("SE"), new AdminAlerts(notices, admins, audit,
            Clock.fixed(Instant.parse("2025-06-02T09:00:00Z"), ZoneOffset.UTC), Duration.ofHours(24)));

    private Directory directory(boolean enabled) {
        Directory directory = new Directory(UUID.randomUUID(), TENANT, "Contoso", TENANT, UUID.randomUUID().toString(),
                null, enabled, DirectoryStatus.CONNECTED, null, null, 1);
        directories.registered = directory;
        return directory;
    }

    private DirectoryProfile profile(String mail, String mobile) {
        return new DirectoryProfile(ada.objectId(), "Ada Lovelace", "ada@contoso.example", mail, mobile, true, "Member");
    }

    private String shownFingerprint() {
        return ((ReadyToEnroll) service.check(ada, BUDGET)).profile().fingerprint();
    }

    @Test
    void checkWhenNoDirectoryThenNoDirectoryNamingTheAdminsAndTheAdminsAreToldOnce() {
        admins.names = List.of("Adele Vance");

        EnrollmentOutcome first = service.check(ada, BUDGET);
        service.check(ada, BUDGET);
        service.enroll(ada, "x", BUDGET);

        assertThat(first).isEqualTo(new NoDirectory(List.of("Adele Vance")));
        assertThat(admins.told).singleElement().asString().contains("no Entra ID directory is connected");
        assertThat(gateway.calls).isZero();
    }

    @Test
    void checkWhenDirectoryDisabledThenDirectoryDisabledWithoutAskingGraph() {
        Directory disabled = directory(false);

        assertThat(service.check(ada, BUDGET)).isEqualTo(new DirectoryDisabled(disabled, List.of()));
        assertThat(gateway.calls).isZero();
        assertThat(admins.told).singleElement().asString().contains("'Contoso' is disabled");
    }

    @Test
    void checkWhenEligibleThenReadyToEnrollAndNothingIsWritten() {
        directory(true);
        gateway.answer = new DirectoryGateway.ProfileLookup.Found(profile("ada@contoso.example", "070-123 45 12"));

        EnrollmentOutcome outcome = service.check(ada, BUDGET);

        assertThat(outcome).isInstanceOf(ReadyToEnroll.class);
        assertThat(((ReadyToEnroll) outcome).profile().mobile().e164()).isEqualTo("+46701234512");
        assertThat(store.rows).isEmpty();
    }

    @Test
    void checkWhenUserNotInTheDirectoryThenUserNotFound() {
        Directory directory = directory(true);
        gateway.answer = new DirectoryGateway.ProfileLookup.NotFound();

        assertThat(service.check(ada, BUDGET)).isEqualTo(new UserNotFound(directory));
    }

    @Test
    void checkWhenCallerIdIsNoObjectIdThenUserNotFoundWithoutAskingGraph() {
        directory(true);

        assertThat(service.check(new Caller(TENANT, "29:not-a-guid", "x"), BUDGET)).isInstanceOf(UserNotFound.class);
        assertThat(gateway.calls).isZero();
    }

    @Test
    void enrollWhenTheProfileStillMatchesTheCardThenEnrolledOnceAndAudited() {
        directory(true);
        gateway.answer = new DirectoryGateway.ProfileLookup.Found(profile("ada@contoso.example", "+46 70 123 45 12"));

        EnrollmentOutcome outcome = service.enroll(ada, shownFingerprint(), BUDGET);

        assertThat(outcome).isInstanceOf(Enrolled.class);
        Enrolled enrolled = (Enrolled) outcome;
        assertThat(enrolled.enrollment().objectId()).isEqualTo(ada.objectId());
        assertThat(enrolled.mobile().masked()).isEqualTo("+46 70 *** ** 12");
        assertThat(store.rows).hasSize(1);
        assertThat(store.audited).extracting(AuditEntry::action).containsExactly("enrollment.enroll");
    }

    @Test
    void enrollWhenAlreadyEnrolledThenAlreadyEnrolledWithoutAskingGraphAgain() {
        directory(true);
        gateway.answer = new DirectoryGateway.ProfileLookup.Found(profile("ada@contoso.example", "+46 70 123 45 12"));
        String shown = shownFingerprint();
        service.enroll(ada, shown, BUDGET);
        int graphCalls = gateway.calls;

        assertThat(service.enroll(ada, shown, BUDGET)).isInstanceOf(AlreadyEnrolled.class);
        assertThat(service.check(ada, BUDGET)).isInstanceOf(AlreadyEnrolled.class);
        assertThat(gateway.calls).isEqualTo(graphCalls);
        assertThat(store.rows).hasSize(1);
    }

    @Test
    void enrollWhenTheProfileChangedSinceTheCardThenProfileChangedAndNothingIsWritten() {
        directory(true);
        gateway.answer = new DirectoryGateway.ProfileLookup.Found(profile("ada@contoso.example", "+46 70 123 45 12"));
        String shown = shownFingerprint();
        gateway.answer = new DirectoryGateway.ProfileLookup.Found(profile("ada@contoso.example", "+46 70 999 99 12"));

        EnrollmentOutcome outcome = service.enroll(ada, shown, BUDGET);

        assertThat(outcome).isInstanceOf(ProfileChanged.class);
        assertThat(((ProfileChanged) outcome).profile().mobile().e164()).isEqualTo("+46709999912");
        assertThat(store.rows).isEmpty();
    }

    @Test
    void enrollWhenTheProfileBecameIncompleteSinceTheCardThenNotEligibleAndNothingIsWritten() {
        directory(true);
        gateway.answer = new DirectoryGateway.ProfileLookup.Found(profile("ada@contoso.example", "+46 70 123 45 12"));
        String shown = shownFingerprint();
        gateway.answer = new DirectoryGateway.ProfileLookup.Found(profile(null, "+46 70 123 45 12"));

        assertThat(service.enroll(ada, shown, BUDGET)).isInstanceOf(NotEligible.class);
        assertThat(store.rows).isEmpty();
    }

    @Test
    void enrollWhenGuestsAllowedByTheOrganizationThenAGuestEnrolls() {
        directory(true);
        settings.guestsAllowed = true;
        gateway.answer = new DirectoryGateway.ProfileLookup.Found(new DirectoryProfile(ada.objectId(), "Ada", "ada_x#EXT#",
                "ada@fabrikam.example", "+46 70 123 45 12", true, "Guest"));

        assertThat(service.enroll(ada, shownFingerprint(), BUDGET)).isInstanceOf(Enrolled.class);
    }

    @Test
    void enrollWhenGraphDidNotAnswerThenDirectoryUnavailableNothingWrittenAndAdminsNotBothered() {
        directory(true);
        gateway.answer = new DirectoryGateway.ProfileLookup.Failed(new DirectoryFault(DirectoryFault.Kind.TIMEOUT, "no answer"));

        EnrollmentOutcome outcome = service.enroll(ada, "x", BUDGET);

        assertThat(outcome).isInstanceOf(DirectoryUnavailable.class);
        assertThat(((DirectoryUnavailable) outcome).credentialsBroken()).isFalse();
        assertThat(store.rows).isEmpty();
        assertThat(admins.told).isEmpty();
    }

    @Test
    void checkWhenCredentialsBrokeThenAdminsAreToldOnceWithTheReasonAndNoSecret() {
        directory(true);
        gateway.answer = new DirectoryGateway.ProfileLookup.Failed(
                new DirectoryFault(DirectoryFault.Kind.EXPIRED_SECRET, "AADSTS7000222 from the Entra ID token endpoint"));

        EnrollmentOutcome outcome = service.check(ada, BUDGET);
        service.check(new Caller(TENANT, UUID.randomUUID().toString(), "Grace"), BUDGET);

        assertThat(((DirectoryUnavailable) outcome).credentialsBroken()).isTrue();
        assertThat(admins.told).singleElement().asString()
                .contains("client secret has expired").contains("AADSTS7000222").doesNotContain("s3cret");
        assertThat(store.rows).isEmpty();
    }

    @Test
    void statusWhenNeverEnrolledThenNotEnrolledAndWhenEnrolledThenKnownWithTheMaskedNumber() {
        Directory directory = directory(true);
        assertThat(service.status(ada)).isEqualTo(new EnrollmentStatus.NotEnrolled(directory));
        gateway.answer = new DirectoryGateway.ProfileLookup.Found(profile("ada@contoso.example", "+46 70 123 45 12"));
        service.enroll(ada, shownFingerprint(), BUDGET);

        EnrollmentStatus status = service.status(ada);

        assertThat(status).isInstanceOf(EnrollmentStatus.Known.class);
        assertThat(((EnrollmentStatus.Known) status).maskedMobile()).isEqualTo("+46 70 *** ** 12");
    }

    @Test
    void statusWhenNoDirectoryThenNoDirectoryWithoutNotifyingAdmins() {
        assertThat(service.status(ada)).isInstanceOf(EnrollmentStatus.NoDirectory.class);
        assertThat(admins.told).isEmpty();
    }

    private static final class Audit implements AuditLog {
        final List<AuditEntry> entries = new ArrayList<>();

        @Override
        public void append(AuditEntry entry) {
            entries.add(entry);
        }

        @Override
        public List<AuditRecord> latest(String orgId, int limit) {
            return List.of();
        }
    }

    private static final class Directories implements DirectoryAccess {
        Directory registered;

        @Override
        public Optional<Directory> forTenant(String tenantId) {
            return Optional.ofNullable(registered).filter(d -> d.tenantId().equals(tenantId));
        }

        @Override
        public List<Directory> ofOrganization(String orgId) {
            return registered == null ? List.of() : List.of(registered);
        }

        @Override
        public DirectoryCredentials credentialsOf(Directory directory) {
            return new DirectoryCredentials(directory.id(), directory.tenantId(), directory.clientId(), "s3cret");
        }
    }

    private static final class Gateway implements DirectoryGateway {
        ProfileLookup answer;
        int calls;

        @Override
        public ConnectionCheck checkConnection(DirectoryCredentials credentials, Duration budget) {
            throw new UnsupportedOperationException("enrollment never checks connections");
        }

        @Override
        public ProfileLookup readProfile(DirectoryCredentials credentials, String objectId, Duration budget) {
            calls++;
            return answer;
        }

        @Override
        public PeopleSearch searchPeople(DirectoryCredentials credentials, String query, int limit, Duration budget) {
            throw new UnsupportedOperationException("enrollment never searches");
        }

        @Override
        public void forget(UUID directoryId) {
        }
    }

    private static final class Store implements EnrollmentStore {
        final Map<String, Enrollment> rows = new HashMap<>();
        /** The audit entries written with an enrollment, as the real store writes them in its transaction. */
        final List<AuditEntry> audited = new ArrayList<>();

        @Override
        public Optional<Enrollment> find(UUID directoryId, String objectId) {
            return Optional.ofNullable(rows.get(directoryId + "|" + objectId));
        }

        @Override
        public Write enroll(NewEnrollment e) {
            String key = e.directoryId() + "|" + e.objectId();
            Enrollment existing = rows.get(key);
            if (existing != null && existing.state() == Enrollment.State.ENROLLED) {
                return new Write.AlreadyEnrolled(existing);
            }
            Instant now = Instant.now();
            Enrollment written = new Enrollment(existing == null ? UUID.randomUUID() : existing.id(), e.orgId(),
                    e.directoryId(), e.objectId(), e.profile().userPrincipalName(), e.profile().displayName(),
                    e.profile().mail(), e.profile().mobile().e164(), Enrollment.State.ENROLLED, null, now, now);
            rows.put(key, written);
            audited.add(e.audit());
            return new Write.Written(written);
        }
    }

    private static final class Settings implements OrganizationSettings {
        boolean guestsAllowed;

        @Override
        public boolean guestsAllowed(String orgId) {
            return guestsAllowed;
        }

        @Override
        public void allowGuests(String orgId, boolean allowed, String actorId) {
            guestsAllowed = allowed;
        }
    }

    private static final class Notices implements AdminNotices {
        final Map<String, Instant> sent = new HashMap<>();

        @Override
        public boolean claim(String orgId, String topic, Instant now, Duration quietPeriod) {
            Instant last = sent.get(orgId + "|" + topic);
            if (last != null && last.isAfter(now.minus(quietPeriod))) {
                return false;
            }
            sent.put(orgId + "|" + topic, now);
            return true;
        }

        @Override
        public void release(String orgId, String topic) {
            sent.remove(orgId + "|" + topic);
        }
    }

    private static final class Admins implements OrganizationAdmins {
        List<String> names = List.of();
        final List<String> told = new ArrayList<>();

        @Override
        public List<String> namesOf(String orgId) {
            return names;
        }

        @Override
        public CompletableFuture<Integer> tell(String orgId, String message) {
            told.add(message);
            return CompletableFuture.completedFuture(1);
        }
    }
}
