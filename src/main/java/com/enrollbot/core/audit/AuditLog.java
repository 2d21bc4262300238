package com.enrollbot.core.audit;

import java.util.List;

/** Port: the append-only audit trail. */
public interface AuditLog {

    void append(AuditEntry entry);

    /** The organization's latest entries, newest first. */
    List<AuditRecord> latest(String orgId, int limit);
}
