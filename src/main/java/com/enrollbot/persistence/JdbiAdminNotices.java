package com.enrollbot.persistence;

import java.time.Duration;
import java.time.Instant;

import com.enrollbot.core.enrollment.AdminNotices;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

@Component
final class JdbiAdminNotices implements AdminNotices {

    private final Jdbi jdbi;

    JdbiAdminNotices(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One statement, so two instances claiming the same notice at once cannot both win. */
    @Override
    public boolean claim(String orgId, String topic, Instant now, Duration quietPeriod) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                INSERT INTO admin_notices AS n (org_id, topic, notified_at)
                VALUES (:orgId, :topic, :now)
                ON CONFLICT (org_id, topic) DO UPDATE SET notified_at = EXCLUDED.notified_at
                 WHERE n.notified_at <= :quietSince
                RETURNING topic""")
                .bind("orgId", orgId)
                .bind("topic", topic)
                .bind("now", now)
                .bind("quietSince", now.minus(quietPeriod))
                .mapTo(String.class)
                .findOne()
                .isPresent());
    }

    @Override
    public void release(String orgId, String topic) {
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM admin_notices WHERE org_id = :orgId AND topic = :topic")
                .bind("orgId", orgId)
                .bind("topic", topic)
                .execute());
    }
}
