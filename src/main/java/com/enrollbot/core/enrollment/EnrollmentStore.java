package com.enrollbot.core.enrollment;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.enrollbot.core.audit.AuditEntry;

/** Port: enrollments and their events. */
public interface EnrollmentStore {

    Optional<Enrollment> find(UUID directoryId, String objectId);

    /**
     * Records that the person enrolled with this profile, in one short transaction with its event and its audit
     * entry (both written only when the enrollment is). Idempotent: there is never more than one enrollment per
     * person per directory, whatever retries or concurrent requests arrive. A revoked or disabled enrollment turns
     * back to enrolled; an enrolled one is left alone.
     */
    Write enroll(NewEnrollment enrollment);

    /** What {@link #enroll} found: it wrote the enrollment (new or back to enrolled), or it was enrolled already. */
    sealed interface Write {
        Enrollment enrollment();

        record Written(Enrollment enrollment) implements Write { }
        record AlreadyEnrolled(Enrollment enrollment) implements Write { }
    }

    /** The snapshot to record; {@code actorId} and {@code reason} go into the event, {@code audit} into the audit log. */
    record NewEnrollment(String orgId, UUID directoryId, String objectId, EligibleProfile profile, String actorId,
                         String reason, AuditEntry audit) {
        public NewEnrollment {
            Objects.requireNonNull(orgId, "orgId");
            Objects.requireNonNull(directoryId, "directoryId");
            Objects.requireNonNull(objectId, "objectId");
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(actorId, "actorId");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(audit, "audit");
        }
    }
}
