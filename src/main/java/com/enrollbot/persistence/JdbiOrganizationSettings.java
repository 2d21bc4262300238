package com.enrollbot.persistence;

import com.enrollbot.core.enrollment.OrganizationSettings;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

@Component
final class JdbiOrganizationSettings implements OrganizationSettings {

    private final Jdbi jdbi;

    JdbiOrganizationSettings(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean guestsAllowed(String orgId) {
        return jdbi.withHandle(handle -> handle
                .createQuery("SELECT allow_guests FROM organization_settings WHERE org_id = :orgId")
                .bind("orgId", orgId)
                .mapTo(Boolean.class)
                .findOne()
                .orElse(false));
    }

    @Override
    public void allowGuests(String orgId, boolean allowed, String actorId) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                INSERT INTO organization_settings (org_id, allow_guests, updated_by, updated_at)
                VALUES (:orgId, :allowed, :actorId, now())
                ON CONFLICT (org_id) DO UPDATE
                   SET allow_guests = EXCLUDED.allow_guests, updated_by = EXCLUDED.updated_by, updated_at = now()""")
                .bind("orgId", orgId)
                .bind("allowed", allowed)
                .bind("actorId", actorId)
                .execute());
    }
}
