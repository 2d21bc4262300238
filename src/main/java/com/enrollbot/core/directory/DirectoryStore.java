package com.enrollbot.core.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Port: registered directories and their sealed secrets. Every method but {@link #findByTenant} and
 * {@link #secretOf} is scoped to an organization: a row of another organization is never found, changed or
 * counted, whatever id is asked for. Changes made by admins carry the version they saw and are refused
 * (empty result) when the row has moved on.
 */
public interface DirectoryStore {

    Optional<Directory> find(String orgId, UUID id);

    /** Across organizations: an Entra tenant can be registered once, by anyone. */
    Optional<Directory> findByTenant(String tenantId);

    Optional<Directory> findByRequestKey(String orgId, String requestKey);

    List<Directory> ofOrganization(String orgId);

    Insertion insert(NewDirectory directory);

    /** New name and expiry; bumps the version. Empty when the row is gone or its version is not {@code expectedVersion}. */
    Optional<Directory> rename(String orgId, UUID id, long expectedVersion, String displayName, LocalDate secretExpiresOn);

    /** Rename plus a new secret and the outcome of its check; bumps the version. */
    Optional<Directory> replaceSecret(String orgId, UUID id, long expectedVersion, String displayName,
                                      LocalDate secretExpiresOn, SealedSecret secret, CheckResult check);

    Optional<Directory> setEnabled(String orgId, UUID id, long expectedVersion, boolean enabled);

    /**
     * Records a check of exactly this sealed secret; leaves the version alone, since no admin input changes.
     * Empty when the row is gone or its secret was replaced meanwhile (a stale check never overwrites a newer one).
     */
    Optional<Directory> recordCheck(String orgId, UUID id, SealedSecret checked, CheckResult check);

    /** Deletes the row with its sealed secret (and, by cascade, its enrollments). */
    boolean delete(String orgId, UUID id, long expectedVersion);

    Optional<SealedSecret> secretOf(UUID id);

    int enrollmentCount(String orgId, UUID id);

    /** A directory about to be stored; {@code requestKey} makes a retried registration land once. */
    record NewDirectory(UUID id, String orgId, String displayName, String tenantId, String clientId,
                        SealedSecret secret, LocalDate secretExpiresOn, CheckResult check, String requestKey,
                        String createdBy) {
    }

    /** The outcome of a connection check as stored: {@code checkedAt} is null for UNCHECKED. */
    record CheckResult(DirectoryStatus status, String reason, Instant checkedAt) {
    }

    sealed interface Insertion {
        record Inserted(Directory directory) implements Insertion { }

        /** This organization already stored a directory under the request key: a retry or double click. */
        record RequestKeyTaken(Directory earlier) implements Insertion { }

        record TenantTaken() implements Insertion { }
    }
}
