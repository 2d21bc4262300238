package com.enrollbot.core.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A registered Entra ID directory as everyone but the secret store sees it: it never carries the client secret.
 * {@code orgId} is the organization (Teams tenant) that registered it; {@code tenantId} is the Entra tenant whose
 * users enroll through it. {@code version} changes with every change (optimistic concurrency).
 */
public record Directory(
        UUID id,
        String orgId,
        String displayName,
        String tenantId,
        String clientId,
        LocalDate secretExpiresOn,
        boolean enabled,
        DirectoryStatus status,
        String statusReason,
        Instant lastCheckedAt,
        long version) {

    public Directory {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(status, "status");
    }
}
