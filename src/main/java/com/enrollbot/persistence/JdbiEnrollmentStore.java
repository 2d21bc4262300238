package com.enrollbot.persistence;

import java.util.Optional;
import java.util.UUID;

import com.enrollbot.core.enrollment.EligibleProfile;
import com.enrollbot.core.enrollment.Enrollment;
import com.enrollbot.core.enrollment.EnrollmentStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.springframework.stereotype.Component;

@Component
final class JdbiEnrollmentStore implements EnrollmentStore {

    /** The columns {@link EnrollmentRowMapper} reads, in its order. */
    static final String COLUMNS = "id, org_id, directory_id, object_id, upn, display_name, mail, mobile_e164,"
            + " state, state_reason, enrolled_at, updated_at";

    private static final RowMapper<Enrollment> ROW = new EnrollmentRowMapper();

    private final Jdbi jdbi;

    JdbiEnrollmentStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<Enrollment> find(UUID directoryId, String objectId) {
        return jdbi.withHandle(handle -> find(handle, directoryId, objectId));
    }

    /**
     * One statement decides, under the row lock of UNIQUE (directory_id, object_id): concurrent enrolls of the
     * same person (Teams retries, double clicks, other instances) wait for each other, and only the one that
     * changed the row writes an event and the audit entry, in the same transaction. The others find it enrolled.
     */
    @Override
    public Write enroll(NewEnrollment enrollment) {
        return jdbi.inTransaction(handle -> {
            EligibleProfile profile = enrollment.profile();
            Optional<Enrollment> written = handle.createQuery("""
                            INSERT INTO enrollments AS e (id, org_id, directory_id, object_id, upn, display_name, mail,
                                                          mobile_e164, state, state_reason, enrolled_at, updated_at)
                            VALUES (:id, :orgId, :directoryId, :objectId, :upn, :displayName, :mail, :mobileE164,
                                    'enrolled', NULL, now(), now())
                            ON CONFLICT (directory_id, object_id) DO UPDATE
                               SET upn = EXCLUDED.upn, display_name = EXCLUDED.display_name, mail = EXCLUDED.mail,
                                   mobile_e164 = EXCLUDED.mobile_e164, state = 'enrolled', state_reason = NULL,
                                   enrolled_at = EXCLUDED.enrolled_at, updated_at = EXCLUDED.updated_at
                             WHERE e.state <> 'enrolled'
                            RETURNING\s""" + COLUMNS)
                    .bind("id", UUID.randomUUID())
                    .bind("orgId", enrollment.orgId())
                    .bind("directoryId", enrollment.directoryId())
                    .bind("objectId", enrollment.objectId())
                    .bind("upn", profile.userPrincipalName())
                    .bind("displayName", profile.displayName())
                    .bind("mail", profile.mail())
                    .bind("mobileE164", profile.mobile().e164())
                    .map(ROW)
                    .findOne();
            if (written.isEmpty()) {
                Enrollment existing = find(handle, enrollment.directoryId(), enrollment.objectId())
                        .orElseThrow(() -> new IllegalStateException("an enrollment that blocked the write is gone"));
                return new Write.AlreadyEnrolled(existing);
            }
            handle.createUpdate("""
                            INSERT INTO enrollment_events (enrollment_id, org_id, state, actor_id, reason)
                            VALUES (:enrollmentId, :orgId, 'enrolled', :actorId, :reason)""")
                    .bind("enrollmentId", written.get().id())
                    .bind("orgId", enrollment.orgId())
                    .bind("actorId", enrollment.actorId())
                    .bind("reason", enrollment.reason())
                    .execute();
            JdbiAuditLog.append(handle, enrollment.audit());
            return new Write.Written(written.get());
        });
    }

    private static Optional<Enrollment> find(Handle handle, UUID directoryId, String objectId) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM enrollments WHERE directory_id = :directoryId"
                        + " AND object_id = :objectId")
                .bind("directoryId", directoryId)
                .bind("objectId", objectId)
                .map(ROW)
                .findOne();
    }
}
