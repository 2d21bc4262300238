package com.enrollbot.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import com.enrollbot.core.audit.AuditEntry;
import com.enrollbot.core.audit.AuditLog;
import com.enrollbot.core.audit.AuditRecord;
import org.jdbi.v3.core.Handle;
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
        jdbi.useHandle(handle -> append(handle, entry));
    }

    /** Appends within the caller's handle, so that an entry can be part of the transaction it records. */
    static void append(Handle handle, AuditEntry entry) {
        handle.createUpdate("""
                INSERT INTO audit_log (org_id, actor_id, action, subject, outcome, detail)
                VALUES (:orgId, :actorId, :action, :subject, :outcome, :detail)""")
                .bindMethods(entry)
                .bind("outcome", entry.outcome().name().toLowerCase(Locale.ROOT))
                .execute();
    }

    @Override
    public List<AuditRecord> latest(String orgId, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                SELECT org_id, actor_id, action, subject, outcome, detail, at
                FROM audit_log WHERE org_id = :org ORDER BY at DESC, id DESC LIMIT :limit""")
                .bind("org", orgId)
                .bind("limit", limit)
                .map((rs, ctx) -> new AuditRecord(rs.getObject("at", OffsetDateTime.class).toInstant(),
                        new AuditEntry(rs.getString("org_id"), rs.getString("actor_id"), rs.getString("action"),
                                rs.getString("subject"),
                                AuditEntry.Outcome.valueOf(rs.getString("outcome").toUpperCase(Locale.ROOT)),
                                rs.getString("detail"))))
                .list());
    }
}
