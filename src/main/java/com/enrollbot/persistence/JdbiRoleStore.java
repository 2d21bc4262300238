package com.enrollbot.persistence;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.enrollbot.core.access.Role;
import com.enrollbot.core.access.RoleGrant;
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

    @Override
    public List<RoleGrant> grantsOf(String orgId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                SELECT org_id, object_id, role, display, granted_by, granted_at FROM role_grants
                WHERE org_id = :org ORDER BY role, display, object_id""")
                .bind("org", orgId)
                .map((rs, ctx) -> new RoleGrant(rs.getString("org_id"), rs.getString("object_id"),
                        Role.valueOf(rs.getString("role").toUpperCase(Locale.ROOT)), rs.getString("display"),
                        rs.getString("granted_by"), rs.getObject("granted_at", OffsetDateTime.class).toInstant()))
                .list());
    }

    @Override
    public boolean grant(RoleGrant grant) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                INSERT INTO role_grants (org_id, object_id, role, display, granted_by)
                VALUES (:org, :object, :role, :display, :grantedBy)
                ON CONFLICT (org_id, object_id, role) DO NOTHING""")
                .bind("org", grant.orgId())
                .bind("object", grant.objectId())
                .bind("role", grant.role().name().toLowerCase(Locale.ROOT))
                .bind("display", grant.displayName())
                .bind("grantedBy", grant.grantedBy())
                .execute()) == 1;
    }

    @Override
    public Revocation revoke(String orgId, String objectId, Role role, boolean keepOneAdmin) {
        return jdbi.inTransaction(handle -> {
            // Serialises revocations per organization, so "another admin remains" stays true until the commit.
            handle.createQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(:key))) AS locked")
                    .bind("key", "role_grants:" + orgId).mapTo(Integer.class).one();
            if (keepOneAdmin && role == Role.ADMIN) {
                int others = handle.createQuery("""
                        SELECT count(*) FROM role_grants WHERE org_id = :org AND role = 'admin' AND object_id <> :object""")
                        .bind("org", orgId).bind("object", objectId).mapTo(Integer.class).one();
                if (others == 0) {
                    return Revocation.LAST_ADMIN;
                }
            }
            int removed = handle.createUpdate("DELETE FROM role_grants WHERE org_id = :org AND object_id = :object AND role = :role")
                    .bind("org", orgId).bind("object", objectId).bind("role", role.name().toLowerCase(Locale.ROOT))
                    .execute();
            return removed == 1 ? Revocation.REVOKED : Revocation.NOT_GRANTED;
        });
    }
}
