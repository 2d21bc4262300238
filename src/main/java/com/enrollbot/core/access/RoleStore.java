package com.enrollbot.core.access;

import java.util.List;
import java.util.Set;

/** Port: roles granted from Teams, per organization. */
public interface RoleStore {

    Set<Role> rolesOf(String orgId, String objectId);

    /** The organization's grants, by role then display name. */
    List<RoleGrant> grantsOf(String orgId);

    /** False when the person already had that role. */
    boolean grant(RoleGrant grant);

    /**
     * Removes a grant. With {@code keepOneAdmin}, an admin grant is removed only if another admin grant remains in
     * the organization, decided under a per-organization lock so two admins removing each other cannot both succeed.
     */
    Revocation revoke(String orgId, String objectId, Role role, boolean keepOneAdmin);

    enum Revocation { REVOKED, NOT_GRANTED, LAST_ADMIN }
}
