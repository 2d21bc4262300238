package com.enrollbot.core.helpdesk;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.enrollbot.core.audit.AuditEntry;
import com.enrollbot.core.enrollment.Enrollment;

/** Port: what the helpdesk reads and changes of an organization's enrollments. Every read is scoped to one organization. */
public interface HelpdeskStore {

    /** The enrollments of these people through this directory of the organization. */
    List<Enrollment> ofPeople(String orgId, UUID directoryId, Collection<String> objectIds);

    /**
     * The organization's enrollments whose UPN or mail equals {@code text} (ignoring case) first, then those whose
     * display name starts with it; what is known of people when their directory does not answer.
     */
    List<Enrollment> matching(String orgId, String text, int limit);

    Optional<Enrollment> find(String orgId, UUID enrollmentId);

    /**
     * Revokes the enrollment, with its event, in one transaction, if it is still enrolled since
     * {@code enrolledAt} (the enrollment the helpdesk agent saw); otherwise changes nothing.
     */
    Revocation revoke(Revoke revoke);

    List<EnrollmentOverview.DirectoryCounts> counts(String orgId);

    /** Newest first, ties by id; only changes after {@code before} when it is present. */
    List<EnrollmentOverview.Change> changes(String orgId, Optional<EnrollmentOverview.Cursor> before, int limit);

    /** {@code audit} is appended in the revocation's own transaction, only when the enrollment is revoked. */
    record Revoke(String orgId, UUID enrollmentId, Instant enrolledAt, String actorId, String actorName, String reason,
                  AuditEntry audit) {
        public Revoke {
            Objects.requireNonNull(orgId, "orgId");
            Objects.requireNonNull(enrollmentId, "enrollmentId");
            Objects.requireNonNull(enrolledAt, "enrolledAt");
            Objects.requireNonNull(actorId, "actorId");
            Objects.requireNonNull(actorName, "actorName");
            Objects.requireNonNull(audit, "audit");
            Objects.requireNonNull(reason, "reason");
        }
    }

    sealed interface Revocation {
        record Revoked(Enrollment enrollment) implements Revocation { }

        /** Not revoked: it was not enrolled since that instant any more; {@code current} is how it is now. */
        record Unchanged(Enrollment current) implements Revocation { }

        record NotFound() implements Revocation { }
    }
}
