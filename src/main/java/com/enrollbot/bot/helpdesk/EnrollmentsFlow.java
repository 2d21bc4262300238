package com.enrollbot.bot.helpdesk;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.enrollbot.bot.CardReply;
import com.enrollbot.bot.Flow;
import com.enrollbot.bot.Routes;
import com.enrollbot.core.access.Role;
import com.enrollbot.core.helpdesk.EnrollmentOverview.Cursor;
import com.enrollbot.core.helpdesk.HelpdeskService;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;

/**
 * {@code enrollments}: counts per directory and state, and the latest changes, twenty at a time. The More button
 * carries where the page ended; the query is always scoped to the caller's organization, so a forged cursor
 * can only page through the caller's own changes.
 */
@Component
final class EnrollmentsFlow implements Flow {

    static final String PAGE = "enrollments.page";

    private final HelpdeskService helpdesk;
    private final HelpdeskCards cards;

    EnrollmentsFlow(HelpdeskService helpdesk, HelpdeskCards cards) {
        this.helpdesk = helpdesk;
        this.cards = cards;
    }

    @Override
    public void register(Routes routes) {
        routes.command("enrollments", "enrollments", "How many are enrolled per directory, and the latest changes"
                                + " (helpdesk)", Role.HELPDESK,
                        (turn, arguments) -> turn.sendCard(cards.overview(helpdesk.overview(turn.caller(), Optional.empty()), true)))
                .verb(PAGE, Role.HELPDESK, (turn, data) -> {
                    Optional<Cursor> after = cursor(data);
                    return CompletableFuture.completedFuture(new CardReply.Card(
                            cards.overview(helpdesk.overview(turn.caller(), after), after.isEmpty())));
                });
    }

    /** No cursor (or an unreadable one) means the first page. */
    private static Optional<Cursor> cursor(JsonNode data) {
        String at = data.path("at").isValueNode() ? data.path("at").asText("") : "";
        String id = data.path("id").isValueNode() ? data.path("id").asText("") : "";
        if (at.isEmpty() || id.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Cursor(Instant.parse(at), Long.parseLong(id)));
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
