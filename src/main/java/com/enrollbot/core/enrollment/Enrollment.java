package com.enrollbot.core.enrollment;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A person's enrollment through one directory, with the snapshot of the profile they enrolled with. A person
 * who never enrolled has none: "not enrolled" is the absence of a record.
 */
public record Enrollment(
        UUID id,
        String orgId,
        UUID directoryId,
        String objectId,
        String userPrincipalName,
        String displayName,
        String mail,
        String mobileE164,
        State state,
        String stateReason,
        Instant enrolledAt,
        Instant updatedAt) {

    public enum State { ENROLLED, REVOKED, DISABLED }

    public Enrollment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(directoryId, "directoryId");
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(mobileE164, "mobileE164");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(enrolledAt, "enrolledAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
