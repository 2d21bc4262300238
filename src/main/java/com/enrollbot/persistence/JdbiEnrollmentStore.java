package com.enrollbot.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.enrollbot.core.enrollment.EligibleProfile;
import com.enrollbot.core.enrollment.Enrollment;
import com.enrollbot.core.enrollment.EnrollmentStore;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.springframework.stereotype.Component;

@Component
final class JdbiEnrollmentStore implements EnrollmentStore {

    private final Jdbi jdbi;

    JdbiEnrollmentStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<Enrollment> find(UUID directoryId, String objectId) {
        return jdbi.withExtension(EnrollmentDao.class, dao -> dao.find(directoryId, objectId)).map(Row::enrollment);
    }

    /**
     * One statement decides, under the row lock of UNIQUE (directory_id, object_id): concurrent enrolls of the
     * same person (Teams retries, double clicks, other instances) wait for each other, and only the one that
     * changed the row writes an event. The others find it enrolled.
     */
    @Override
    public Write enroll(NewEnrollment enrollment) {
        return jdbi.inTransaction(handle -> {
            EnrollmentDao dao = handle.attach(EnrollmentDao.class);
            EligibleProfile profile = enrollment.profile();
            Optional<Row> written = dao.upsertEnrolled(UUID.randomUUID(), enrollment.orgId(), enrollment.directoryId(),
                    enrollment.objectId(), profile.userPrincipalName(), profile.displayName(), profile.mail(),
                    profile.mobile().e164());
            if (written.isEmpty()) {
                Row existing = dao.find(enrollment.directoryId(), enrollment.objectId())
                        .orElseThrow(() -> new IllegalStateException("an enrollment that blocked the write is gone"));
                return new Write.AlreadyEnrolled(existing.enrollment());
            }
            dao.insertEvent(written.get().id(), enrollment.orgId(), "enrolled", enrollment.actorId(), enrollment.reason());
            return new Write.Written(written.get().enrollment());
        });
    }

    /** A row of {@code enrollments}; state is read in upper case, as the core's enum names it. */
    record Row(UUID id, String orgId, UUID directoryId, String objectId, String upn, String displayName, String mail,
               String mobileE164, String state, String stateReason, Instant enrolledAt, Instant updatedAt) {
        Enrollment enrollment() {
            return new Enrollment(id, orgId, directoryId, objectId, upn, displayName, mail, mobileE164,
                    Enrollment.State.valueOf(state), stateReason, enrolledAt, updatedAt);
        }
    }

    @RegisterConstructorMapper(Row.class)
    interface EnrollmentDao {

        String COLUMNS = "id, org_id, directory_id, object_id, upn, display_name, mail, mobile_e164,"
                + " upper(state) AS state, state_reason, enrolled_at, updated_at";

        @SqlQuery("SELECT " + COLUMNS + " FROM enrollments WHERE directory_id = :directoryId AND object_id = :objectId")
        Optional<Row> find(@Bind("directoryId") UUID directoryId, @Bind("objectId") String objectId);

        /** Inserts, or turns a revoked or disabled row back to enrolled; returns nothing if it was enrolled. */
        @SqlQuery("""
                INSERT INTO enrollments AS e (id, org_id, directory_id, object_id, upn, display_name, mail, mobile_e164,
                                              state, state_reason, enrolled_at, updated_at)
                VALUES (:id, :orgId, :directoryId, :objectId, :upn, :displayName, :mail, :mobileE164,
                        'enrolled', NULL, now(), now())
                ON CONFLICT (directory_id, object_id) DO UPDATE
                   SET upn = EXCLUDED.upn, display_name = EXCLUDED.display_name, mail = EXCLUDED.mail,
                       mobile_e164 = EXCLUDED.mobile_e164, state = 'enrolled', state_reason = NULL,
                       enrolled_at = EXCLUDED.enrolled_at, updated_at = EXCLUDED.updated_at
                 WHERE e.state <> 'enrolled'
                RETURNING\s""" + COLUMNS)
        Optional<Row> upsertEnrolled(@Bind("id") UUID id, @Bind("orgId") String orgId,
                                     @Bind("directoryId") UUID directoryId, @Bind("objectId") String objectId,
                                     @Bind("upn") String upn, @Bind("displayName") String displayName,
                                     @Bind("mail") String mail, @Bind("mobileE164") String mobileE164);

        @SqlUpdate("""
                INSERT INTO enrollment_events (enrollment_id, org_id, state, actor_id, reason)
                VALUES (:enrollmentId, :orgId, :state, :actorId, :reason)""")
        void insertEvent(@Bind("enrollmentId") UUID enrollmentId, @Bind("orgId") String orgId,
                         @Bind("state") String state, @Bind("actorId") String actorId, @Bind("reason") String reason);
    }
}
