package com.enrollbot.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.enrollbot.core.audit.AuditEntry;
import com.enrollbot.core.enrollment.EligibleProfile;
import com.enrollbot.core.enrollment.Enrollment;
import com.enrollbot.core.enrollment.EnrollmentStore.NewEnrollment;
import com.enrollbot.core.enrollment.MobileNumber;
import com.enrollbot.core.helpdesk.EnrollmentOverview;
import com.enrollbot.core.helpdesk.EnrollmentOverview.Cursor;
import com.enrollbot.core.helpdesk.HelpdeskStore.Revocation;
import com.enrollbot.core.helpdesk.HelpdeskStore.Revoke;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against a real PostgreSQL: the scoping to one organization, the revoke's condition and the keyset order. */
class JdbiHelpdeskStoreTest {

    private static Jdbi jdbi;
    private static JdbiEnrollmentStore enrollments;
    private static JdbiHelpdeskStore store;

    @BeforeAll
    static void migrate() {
        jdbi = MigratedDatabase.fresh();
        enrollments = new JdbiEnrollmentStore(jdbi);
        store = new JdbiHelpdeskStore(jdbi);
    }

    private static String org() {
        return UUID.randomUUID().toString();
    }

    private static Enrollment enroll(String org, UUID directory, String name, String upn) {
        String person = UUID.randomUUID().toString();
        return enrollments.enroll(new NewEnrollment(org, directory, person,
                new EligibleProfile(name, upn, upn, new MobileNumber("+46701234512", "+46 70 *** ** 12")), person,
                "self-enrolled in Teams", new AuditEntry(org, person, "enrollment.enroll", person,
                AuditEntry.Outcome.SUCCEEDED, "through directory " + directory))).enrollment();
    }

    private static Revoke revoke(Enrollment enrollment, String reason) {
        return revoke(enrollment.orgId(), enrollment, enrollment.enrolledAt(), reason);
    }

    private static Revoke revoke(String org, Enrollment enrollment, Instant enrolledAt, String reason) {
        return new Revoke(org, enrollment.id(), enrolledAt, "agent-id", "Hank Helpdesk", reason,
                new AuditEntry(org, "agent-id", "enrollment.reset", enrollment.objectId(),
                        AuditEntry.Outcome.SUCCEEDED, "through directory " + enrollment.directoryId() + ": " + reason));
    }

    private static int revokedEvents(Enrollment enrollment) {
        return jdbi.withHandle(handle -> handle.createQuery(
                "SELECT count(*) FROM enrollment_events WHERE enrollment_id = :id AND state = 'revoked'")
                .bind("id", enrollment.id()).mapTo(Integer.class).one());
    }

    @Test
    void ofPeopleFindsTheOrganizationsEnrollmentsThroughItsDirectoryAndNothingForAnotherOrganization() {
        String org = org();
        UUID directory = MigratedDatabase.directory(jdbi, org);
        Enrollment ada = enroll(org, directory, "Ada Lovelace", "ada@contoso.example");
        Enrollment alan = enroll(org, directory, "Alan Turing", "alan@contoso.example");

        assertThat(store.ofPeople(org, directory, List.of(ada.objectId(), alan.objectId(), "someone-else")))
                .extracting(Enrollment::objectId).containsExactlyInAnyOrder(ada.objectId(), alan.objectId());
        assertThat(store.ofPeople(org(), directory, List.of(ada.objectId(), alan.objectId()))).isEmpty();
    }

    @Test
    void revokeWhenEnrolledSinceTheGivenInstantThenRevokedWithTheReasonAndOneEvent() {
        String org = org();
        Enrollment ada = enroll(org, MigratedDatabase.directory(jdbi, org), "Ada Lovelace", "ada@contoso.example");

        Revocation revocation = store.revoke(revoke(ada, "lost phone"));

        assertThat(revocation).isInstanceOf(Revocation.Revoked.class);
        Enrollment revoked = ((Revocation.Revoked) revocation).enrollment();
        assertThat(revoked.state()).isEqualTo(Enrollment.State.REVOKED);
        assertThat(revoked.stateReason()).isEqualTo("lost phone");
        assertThat(revokedEvents(ada)).isEqualTo(1);
    }

    @Test
    void revokeWhenAnotherOrganizationAsksThenNotFoundAndNothingChanges() {
        String org = org();
        Enrollment ada = enroll(org, MigratedDatabase.directory(jdbi, org), "Ada Lovelace", "ada@contoso.example");

        Revocation revocation = store.revoke(revoke(org(), ada, ada.enrolledAt(), "forged"));

        assertThat(revocation).isInstanceOf(Revocation.NotFound.class);
        assertThat(store.find(org, ada.id()).orElseThrow().state()).isEqualTo(Enrollment.State.ENROLLED);
        assertThat(store.find(org(), ada.id())).isEmpty();
    }

    @Test
    void revokeWhenTheEnrollmentIsNewerThanTheCardThenUnchanged() {
        String org = org();
        Enrollment ada = enroll(org, MigratedDatabase.directory(jdbi, org), "Ada Lovelace", "ada@contoso.example");

        Revocation revocation = store.revoke(revoke(org, ada, ada.enrolledAt().minusSeconds(60), "stale"));

        assertThat(revocation).isEqualTo(new Revocation.Unchanged(ada));
        assertThat(revokedEvents(ada)).isZero();
    }

    @Test
    void revokeWhenManyResetsOfOneEnrollmentArriveAtOnceThenOneRevokesAndOneEventIsWritten() throws Exception {
        String org = org();
        Enrollment ada = enroll(org, MigratedDatabase.directory(jdbi, org), "Ada Lovelace", "ada@contoso.example");
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Revocation>> revocations = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                revocations.add(pool.submit(() -> {
                    start.await();
                    return store.revoke(revoke(ada, "lost phone"));
                }));
            }
            start.countDown();
            List<Revocation> results = new ArrayList<>();
            for (Future<Revocation> revocation : revocations) {
                results.add(revocation.get(30, TimeUnit.SECONDS));
            }

            assertThat(results).filteredOn(Revocation.Revoked.class::isInstance).hasSize(1);
            assertThat(results).filteredOn(Revocation.Unchanged.class::isInstance).hasSize(threads - 1);
            assertThat(revokedEvents(ada)).isEqualTo(1);
            int audited = jdbi.withHandle(handle -> handle.createQuery(
                    "SELECT count(*) FROM audit_log WHERE action = 'enrollment.reset' AND subject = :subject")
                    .bind("subject", ada.objectId()).mapTo(Integer.class).one());
            assertThat(audited).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void matchingPutsExactUpnOrMailFirstThenNamePrefixesIgnoringCaseWithinTheOrganizationOnly() {
        String org = org();
        UUID directory = MigratedDatabase.directory(jdbi, org);
        enroll(org, directory, "Adam Barr", "adam@contoso.example");
        enroll(org, directory, "Zed Ada", "ada@contoso.example");
        enroll(org, directory, "Bob Ada", "bob@contoso.example");
        String other = org();
        enroll(other, MigratedDatabase.directory(jdbi, other), "Ada Elsewhere", "ada@contoso.example");

        assertThat(store.matching(org, "ADA@contoso.example", 11)).extracting(Enrollment::displayName)
                .containsExactly("Zed Ada");
        assertThat(store.matching(org, "ad", 11)).extracting(Enrollment::displayName).containsExactly("Adam Barr");
        assertThat(store.matching(org, "%", 11)).isEmpty();
    }

    @Test
    void countsListEveryDirectoryOfTheOrganizationWithItsStates() {
        String org = org();
        UUID used = MigratedDatabase.directory(jdbi, org);
        UUID unused = MigratedDatabase.directory(jdbi, org);
        Enrollment ada = enroll(org, used, "Ada", "ada@x.example");
        enroll(org, used, "Bob", "bob@x.example");
        store.revoke(revoke(ada, "lost phone"));

        assertThat(store.counts(org)).extracting(counts -> counts.directoryId() + " " + counts.enrolled() + "/"
                        + counts.revoked() + "/" + counts.disabled())
                .containsExactlyInAnyOrder(used + " 1/1/0", unused + " 0/0/0");
    }

    @Test
    void changesPageNewestFirstWithTiesBrokenByIdAndNeverRepeatOrSkip() {
        String org = org();
        UUID directory = MigratedDatabase.directory(jdbi, org);
        for (int i = 0; i < 7; i++) {
            enroll(org, directory, "Person " + i, "p" + i + "@x.example");
        }
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE enrollment_events SET at = '2030-01-01T00:00:00Z' WHERE org_id = :org")
                .bind("org", org).execute());

        List<String> seen = new ArrayList<>();
        Optional<Cursor> after = Optional.empty();
        do {
            List<EnrollmentOverview.Change> page = store.changes(org, after, 3);
            page.forEach(change -> seen.add(change.displayName()));
            after = page.size() < 3 ? Optional.empty()
                    : Optional.of(new Cursor(page.get(2).at(), page.get(2).id()));
        } while (after.isPresent());

        assertThat(seen).containsExactly("Person 6", "Person 5", "Person 4", "Person 3", "Person 2", "Person 1", "Person 0");
        assertThat(store.changes(org, Optional.of(new Cursor(Instant.parse("2030-01-01T00:00:00Z"), Long.MAX_VALUE)), 3))
                .extracting(EnrollmentOverview.Change::displayName).containsExactly("Person 6", "Person 5", "Person 4");
        assertThat(store.changes(org(), Optional.empty(), 3)).isEmpty();
    }
}
