package com.enrollbot.core.access;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Decides a caller's role: bootstrap admins from configuration, then grants stored per organization. */
public final class AccessService {

    private final RoleStore roles;
    private final Set<String> bootstrapAdminIds;

    public AccessService(RoleStore roles, Set<String> bootstrapAdminIds) {
        this.roles = Objects.requireNonNull(roles, "roles");
        this.bootstrapAdminIds = bootstrapAdminIds.stream()
                .map(id -> id.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    public Role roleOf(Caller caller) {
        if (bootstrapAdminIds.contains(caller.objectId())) {
            return Role.ADMIN;
        }
        return roles.rolesOf(caller.orgId(), caller.objectId()).stream()
                .max(Role::compareTo)
                .orElse(Role.EMPLOYEE);
    }
}
