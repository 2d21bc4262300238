package com.enrollbot.core.audit;

import java.time.Instant;
import java.util.Objects;

/** An audit entry as stored, with the time it was appended. */
public record AuditRecord(Instant at, AuditEntry entry) {

    public AuditRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(entry, "entry");
    }
}
