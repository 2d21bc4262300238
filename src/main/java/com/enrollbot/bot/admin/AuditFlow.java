package com.enrollbot.bot.admin;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.enrollbot.bot.Flow;
import com.enrollbot.bot.Routes;
import com.enrollbot.cards.CardTemplates;
import com.enrollbot.core.access.Role;
import com.enrollbot.core.audit.AuditLog;
import com.enrollbot.core.audit.AuditRecord;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code audit}: the latest entries of the caller's organization's audit trail, for admins. */
// Admin flows first, in this order, so the admin's help card shows Directories as its first button.
@Order(1002)
@Component
final class AuditFlow implements Flow {

    static final int LATEST = 30;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final AuditLog audit;
    private final CardTemplates cards;

    AuditFlow(AuditLog audit, CardTemplates cards) {
        this.audit = audit;
        this.cards = cards;
    }

    @Override
    public void register(Routes routes) {
        routes.command("audit", "audit", "The latest directory and role changes (admins)", Role.ADMIN,
                (turn, arguments) -> {
                    List<AuditRecord> latest = audit.latest(turn.caller().orgId(), LATEST);
                    return turn.sendCard(cards.render("audit", Map.of(
                            "count", latest.size(),
                            "entries", latest.stream().map(AuditFlow::row).toList())));
                });
    }

    private static Map<String, String> row(AuditRecord record) {
        var entry = record.entry();
        return Map.of(
                "at", WHEN.format(record.at()),
                "action", entry.action(),
                "outcome", entry.outcome().name().toLowerCase(Locale.ROOT),
                "detail", entry.detail() == null ? "" : entry.detail(),
                "actor", entry.actorId(),
                "subject", entry.subject() == null ? "-" : entry.subject());
    }
}
