package com.enrollbot.core.access;

import java.time.Instant;
import java.util.Objects;

/** A role given to a person of an organization from Teams; {@code grantedAt} is null until stored. */
public record RoleGrant(String orgId, String objectId, Role role, String displayName, String grantedBy, Instant grantedAt) {

    public RoleGrant {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(grantedBy, "grantedBy");
        if (role == Role.EMPLOYEE) {
            throw new IllegalArgumentException("everyone is an employee: only admin and helpdesk are granted");
        }
        displayName = displayName == null ? "" : displayName;
    }
}
