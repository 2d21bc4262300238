package com.enrollbot.core.access;

/** What a grant or revoke came to; every case carries a sentence an admin can read. */
public sealed interface RoleChange {

    String message();

    record Granted(RoleGrant grant, String message) implements RoleChange { }

    record Revoked(String objectId, Role role, String message) implements RoleChange { }

    /** Nothing changed: already granted, not granted, person not found, last admin, bad input. */
    record Unchanged(String message) implements RoleChange { }
}
