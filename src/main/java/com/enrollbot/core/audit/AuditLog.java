package com.enrollbot.core.audit;

/** Port: the append-only audit trail. */
public interface AuditLog {

    void append(AuditEntry entry);
}
