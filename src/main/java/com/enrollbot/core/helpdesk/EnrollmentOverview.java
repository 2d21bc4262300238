package com.enrollbot.core.helpdesk;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.enrollbot.core.enrollment.Enrollment;

/** The {@code enrollments} card: counts per directory and state, and one page of the latest changes. */
public record EnrollmentOverview(List<DirectoryCounts> counts, List<Change> changes, Optional<Cursor> next) {

    public EnrollmentOverview {
        counts = List.copyOf(counts);
        changes = List.copyOf(changes);
        Objects.requireNonNull(next, "next");
    }

    /** One directory's enrollments by state; a directory nobody enrolled through counts zeros. */
    public record DirectoryCounts(UUID directoryId, String directoryName, int enrolled, int revoked, int disabled) {
        public DirectoryCounts {
            Objects.requireNonNull(directoryId, "directoryId");
            Objects.requireNonNull(directoryName, "directoryName");
        }
    }

    /** One event of an enrollment: who it is about, what it became, who did it, why. */
    public record Change(long id, Instant at, String directoryName, String objectId, String displayName,
                         String userPrincipalName, Enrollment.State state, String actorId, String actorName,
                         String reason) {
        public Change {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(objectId, "objectId");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(actorId, "actorId");
        }

        public boolean byThePersonThemself() {
            return actorId.equals(objectId);
        }
    }

    /**
     * Where the next page starts: after the change at {@code at} with {@code id} in the order newest first, ties
     * by id. Keyset paging, so changes made while someone pages shift nothing.
     */
    public record Cursor(Instant at, long id) {
        public Cursor {
            Objects.requireNonNull(at, "at");
        }
    }
}
