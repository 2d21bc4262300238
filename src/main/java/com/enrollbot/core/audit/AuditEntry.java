package com.enrollbot.core.audit;

import java.util.Objects;

/**
 * One line of the audit trail: who did what to which subject, and how it ended.
 * CAUTION: {@code detail} is stored and shown to admins: never put a secret, token or stack trace in it.
 */
public record AuditEntry(String orgId, String actorId, String action, String subject, Outcome outcome, String detail) {

    public enum Outcome { SUCCEEDED, REFUSED, FAILED }

    public AuditEntry {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
    }
}
