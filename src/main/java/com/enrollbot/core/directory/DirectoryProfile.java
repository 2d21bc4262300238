package com.enrollbot.core.directory;

/**
 * A user as Graph returns them with the enrollment {@code $select}. Any field may be null: Graph omits
 * {@code mail} for users without a mailbox and {@code mobilePhone} when it was never set.
 */
public record DirectoryProfile(
        String objectId,
        String displayName,
        String userPrincipalName,
        String mail,
        String mobilePhone,
        Boolean accountEnabled,
        String userType) {
}
