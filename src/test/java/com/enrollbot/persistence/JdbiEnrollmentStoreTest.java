package com.enrollbot.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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
import com.enrollbot.core.enrollment.EnrollmentStore.Write;
import com.enrollbot.core.enrollment.MobileNumber;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against a real PostgreSQL: the SQL, the constraint and the locking are what is under test. */
class JdbiEnrollmentStoreTest {

    private static final String ORG = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    private static Jdbi jdbi;
    private static JdbiEnrollmentStore store;

    @BeforeAll
    static void migrate() {
        jdbi = MigratedDatabase.fresh();
        store = new JdbiEnrollmentStore(jdbi);
    }

    private static EligibleProfile profile(String mobile) {
        return new EligibleProfile("Ada Lovelace", "ada@contoso.example", "ada@contoso.example",
                new MobileNumber(mobile, "+46 70 *** ** 12"));
    }

    private static NewEnrollment enrollment(UUID directory, String objectId, String mobile) {
        return new NewEnrollment(ORG, directory, objectId, profile(mobile), objectId, "self-enrolled in Teams",
                new AuditEntry(ORG, objectId, "enrollment.enroll", objectId, AuditEntry.Outcome.SUCCEEDED,
                        "through directory " + directory));
    }

    private static int count(String sql, UUID directory, String objectId) {
        return jdbi.withHandle(handle -> handle.createQuery(sql)
                .bind("directory", directory).bind("object", objectId).mapTo(Integer.class).one());
    }

    private static int rows(UUID directory, String objectId) {
        return count("SELECT count(*) FROM enrollments WHERE directory_id = :directory AND object_id = :object",
                directory, objectId);
    }

    private static int events(UUID directory, String objectId) {
        return count("""
                SELECT count(*) FROM enrollment_events ev JOIN enrollments e ON e.id = ev.enrollment_id
                 WHERE e.directory_id = :directory AND e.object_id = :object""", directory, objectId);
    }

    private static int auditEntries(UUID directory, String objectId) {
        return count("""
                SELECT count(*) FROM audit_log
                 WHERE action = 'enrollment.enroll' AND subject = :object AND detail = 'through directory ' || :directory""",
                directory, objectId);
    }

    @Test
    void findWhenNeverEnrolledThenEmpty() {
        assertThat(store.find(MigratedDatabase.directory(jdbi, ORG), UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void enrollWhenNoEnrollmentThenOneEnrolledRowWithTheSnapshotAndOneEvent() {
        UUID directory = MigratedDatabase.directory(jdbi, ORG);
        String person = UUID.randomUUID().toString();

        Write write = store.enroll(enrollment(directory, person, "+46701234512"));

        assertThat(write).isInstanceOf(Write.Written.class);
        Enrollment enrolled = write.enrollment();
        assertThat(enrolled.state()).isEqualTo(Enrollment.State.ENROLLED);
        assertThat(enrolled.mobileE164()).isEqualTo("+46701234512");
        assertThat(enrolled.mail()).isEqualTo("ada@contoso.example");
        assertThat(enrolled.displayName()).isEqualTo("Ada Lovelace");
        assertThat(enrolled.userPrincipalName()).isEqualTo("ada@contoso.example");
        assertThat(enrolled.orgId()).isEqualTo(ORG);
        assertThat(store.find(directory, person)).contains(enrolled);
        assertThat(rows(directory, person)).isEqualTo(1);
        assertThat(events(directory, person)).isEqualTo(1);
    }

    @Test
    void enrollWhenAlreadyEnrolledThenAlreadyEnrolledAndNeitherSnapshotNorEventsChange() {
        UUID directory = MigratedDatabase.directory(jdbi, ORG);
        String person = UUID.randomUUID().toString();
        Enrollment first = store.enroll(enrollment(directory, person, "+46701234512")).enrollment();

        Write again = store.enroll(enrollment(directory, person, "+46709999912"));

        assertThat(again).isEqualTo(new Write.AlreadyEnrolled(first));
        assertThat(rows(directory, person)).isEqualTo(1);
        assertThat(events(directory, person)).isEqualTo(1);
    }

    @Test
    void enrollWhenRevokedThenTheSameRowIsEnrolledAgainWithTheNewSnapshotAndASecondEvent() {
        UUID directory = MigratedDatabase.directory(jdbi, ORG);
        String person = UUID.randomUUID().toString();
        Enrollment first = store.enroll(enrollment(directory, person, "+46701234512")).enrollment();
        jdbi.useHandle(handle -> handle.createUpdate(
                "UPDATE enrollments SET state = 'revoked', state_reason = 'lost phone' WHERE id = :id")
                .bind("id", first.id()).execute());

        Write again = store.enroll(enrollment(directory, person, "+46709999912"));

        assertThat(again).isInstanceOf(Write.Written.class);
        assertThat(again.enrollment().id()).isEqualTo(first.id());
        assertThat(again.enrollment().state()).isEqualTo(Enrollment.State.ENROLLED);
        assertThat(again.enrollment().stateReason()).isNull();
        assertThat(again.enrollment().mobileE164()).isEqualTo("+46709999912");
        assertThat(rows(directory, person)).isEqualTo(1);
        assertThat(events(directory, person)).isEqualTo(2);
    }

    @Test
    void enrollWhenTheSamePersonEnrollsThroughTwoDirectoriesThenOneEnrollmentEach() {
        UUID first = MigratedDatabase.directory(jdbi, ORG);
        UUID second = MigratedDatabase.directory(jdbi, ORG);
        String person = UUID.randomUUID().toString();

        store.enroll(enrollment(first, person, "+46701234512"));
        store.enroll(enrollment(second, person, "+46701234512"));

        assertThat(rows(first, person)).isEqualTo(1);
        assertThat(rows(second, person)).isEqualTo(1);
    }

    @Test
    void enrollWhenManyRequestsForOnePersonArriveAtOnceThenExactlyOneRowOneEventAndOneWrite() throws Exception {
        UUID directory = MigratedDatabase.directory(jdbi, ORG);
        String person = UUID.randomUUID().toString();
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Write>> writes = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                writes.add(pool.submit(() -> {
                    start.await();
                    return store.enroll(enrollment(directory, person, "+46701234512"));
                }));
            }
            start.countDown();
            List<Write> results = new ArrayList<>();
            for (Future<Write> write : writes) {
                results.add(write.get(30, TimeUnit.SECONDS));
            }

            assertThat(results).filteredOn(Write.Written.class::isInstance).hasSize(1);
            assertThat(results).filteredOn(Write.AlreadyEnrolled.class::isInstance).hasSize(threads - 1);
            assertThat(results).extracting(write -> write.enrollment().id()).containsOnly(results.get(0).enrollment().id());
            assertThat(rows(directory, person)).isEqualTo(1);
            assertThat(events(directory, person)).isEqualTo(1);
            assertThat(auditEntries(directory, person)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
