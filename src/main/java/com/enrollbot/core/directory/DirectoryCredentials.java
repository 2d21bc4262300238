package com.enrollbot.core.directory;

import java.util.Objects;
import java.util.UUID;

/**
 * What it takes to talk to one registered Entra ID directory. The secret is plaintext only in memory,
 * for as long as a call needs it.
 * CAUTION: never log this record's secret; {@link #toString()} redacts it on purpose.
 */
public record DirectoryCredentials(UUID directoryId, String tenantId, String clientId, String clientSecret) {

    public DirectoryCredentials {
        Objects.requireNonNull(directoryId, "directoryId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
    }

    /** A value that changes whenever any credential changes, without revealing the secret. */
    public String fingerprint() {
        return directoryId + ":" + Integer.toHexString(Objects.hash(tenantId, clientId, clientSecret));
    }

    @Override
    public String toString() {
        return "DirectoryCredentials[directoryId=" + directoryId + ", tenantId=" + tenantId
                + ", clientId=" + clientId + ", clientSecret=<redacted>]";
    }
}
