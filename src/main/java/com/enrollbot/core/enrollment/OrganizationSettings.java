package com.enrollbot.core.enrollment;

/** Port: the choices an organization's admins make in Teams. Organizations that never chose get the defaults. */
public interface OrganizationSettings {

    /** False unless the organization's admins allowed guest accounts to enroll. */
    boolean guestsAllowed(String orgId);

    void allowGuests(String orgId, boolean allowed, String actorId);
}
