package com.enrollbot.persistence;

import java.util.Locale;

import com.enrollbot.core.audit.AuditEntry;
import com.enrollbot.core.audit.AuditLog;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

@Component
final class JdbiAuditLog implements AuditLog {

    private final Jdbi jdbi;

    JdbiAuditLog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void append(AuditEntry entry) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                INSERT INTO audit_log (org_id, actor_id, action, subject, outcome, detail)
                VALUES (:orgId, :actorId, :action, :subject, :outcome, :detail)""")
                .bindMethods(entry)
                .bind("outcome", entry.outcome().name().toLowerCase(Locale.ROOT))
                .execute());
    }
}
