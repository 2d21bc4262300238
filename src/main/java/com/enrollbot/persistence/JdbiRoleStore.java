package com.enrollbot.persistence;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import com.enrollbot.core.access.Role;
import com.enrollbot.core.access.RoleStore;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

@Component
final class JdbiRoleStore implements RoleStore {

    private final Jdbi jdbi;

    JdbiRoleStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Set<Role> rolesOf(String orgId, String objectId) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        jdbi.useHandle(handle -> handle
                .createQuery("SELECT role FROM role_grants WHERE org_id = :org AND object_id = :object")
                .bind("org", orgId)
                .bind("object", objectId)
                .mapTo(String.class)
                .forEach(role -> roles.add(Role.valueOf(role.toUpperCase(Locale.ROOT)))));
        return roles;
    }
}
