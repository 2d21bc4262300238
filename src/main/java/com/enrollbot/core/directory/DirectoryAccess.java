package com.enrollbot.core.directory;

import java.util.List;
import java.util.Optional;

/**
 * How enrollment and helpdesk reach registered directories. Implemented by the directory feature, which owns
 * registration, the encrypted secrets and their decryption.
 */
public interface DirectoryAccess {

    /** The directory registered for this Entra tenant (by whichever organization), enabled or not. */
    Optional<Directory> forTenant(String tenantId);

    /** The organization's directories, in a stable order (display name). */
    List<Directory> ofOrganization(String orgId);

    /** The directory's credentials with its secret decrypted, for one call to Entra/Graph. */
    DirectoryCredentials credentialsOf(Directory directory);
}
