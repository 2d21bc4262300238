package com.enrollbot.core.access;

import java.util.Set;

/** Port: roles granted from Teams, per organization. */
public interface RoleStore {

    Set<Role> rolesOf(String orgId, String objectId);
}
