package com.enrollbot.bot.enrollment;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import com.enrollbot.bot.CardReply;
import com.enrollbot.bot.EmployeeConversations;
import com.enrollbot.bot.Flow;
import com.enrollbot.bot.Routes;
import com.enrollbot.bot.Turn;
import com.enrollbot.core.access.Role;
import com.enrollbot.core.audit.AuditEntry;
import com.enrollbot.core.audit.AuditLog;
import com.enrollbot.core.enrollment.Enrollment;
import com.enrollbot.core.enrollment.EnrollmentOutcome;
import com.enrollbot.core.enrollment.EnrollmentService;
import com.enrollbot.core.enrollment.EnrollmentStatus;
import com.enrollbot.core.enrollment.OrganizationSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;

/**
 * The employee's enrollment conversation ({@code enroll}, {@code status}, the Check again and Enroll buttons)
 * and the admins' guest setting. The person is always {@link Turn#caller()}: card data never names anyone.
 */
@Component
final class EnrollmentFlow implements Flow {

    /**
     * Teams gives an invoke 5 s; what is left after Graph goes to the database, the card and the network.
     * Typed commands get the same budget: the person waits for the answer either way.
     */
    static final Duration GRAPH_BUDGET = Duration.ofMillis(3500);

    static final String CHECK = "enroll.check";
    static final String CONFIRM = "enroll.confirm";

    private final EnrollmentService enrollment;
    private final EnrollmentCards cards;
    private final OrganizationSettings settings;
    private final AuditLog audit;
    private final PeopleStatus others;
    private final EmployeeConversations conversations;

    EnrollmentFlow(EnrollmentService enrollment, EnrollmentCards cards, OrganizationSettings settings, AuditLog audit,
                   PeopleStatus others, EmployeeConversations conversations) {
        this.enrollment = enrollment;
        this.cards = cards;
        this.settings = settings;
        this.audit = audit;
        this.others = others;
        this.conversations = conversations;
    }

    @Override
    public void register(Routes routes) {
        routes.command("enroll", "enroll", "Enroll in multi-factor authentication with your Entra ID profile",
                        Role.EMPLOYEE, (turn, arguments) -> turn.sendCard(cards.of(seen(turn, enrollment.check(turn.caller(), GRAPH_BUDGET)))))
                .command("status", "status", "Whether you are enrolled, since when and with which number"
                                + " (helpdesk and admins: 'status <UPN, e-mail or name>' for anyone's)",
                        Role.EMPLOYEE, this::status)
                .command("guests", "guests allow|refuse", "Whether guest accounts of your directory may enroll",
                        Role.ADMIN, this::guests)
                .verb(CHECK, Role.EMPLOYEE, (turn, data) -> card(cards.of(seen(turn, enrollment.check(turn.caller(), GRAPH_BUDGET)))))
                .verb(CONFIRM, Role.EMPLOYEE, this::confirm);
    }

    /** Helpdesk staff and admins may name someone; anyone else sees their own status, whatever they typed after it. */
    private CompletableFuture<Void> status(Turn turn, String who) {
        if (!who.isBlank() && turn.has(Role.HELPDESK)) {
            return others.show(turn, who);
        }
        EnrollmentStatus status = enrollment.status(turn.caller());
        if (status instanceof EnrollmentStatus.Known known && known.enrollment().state() == Enrollment.State.ENROLLED) {
            conversations.enrolledBefore(turn);
        }
        return turn.sendCard(cards.of(status));
    }

    /** Enroll pressed: the service reads the profile again, so a stale card never enrolls outdated details. */
    private CompletableFuture<CardReply> confirm(Turn turn, JsonNode data) {
        String shown = data.path("shown").asText("");
        EnrollmentOutcome outcome = enrollment.enroll(turn.caller(), shown, GRAPH_BUDGET);
        if (outcome instanceof EnrollmentOutcome.Enrolled) {
            // So that the person can be told in this chat if the helpdesk resets the enrollment.
            conversations.enrolled(turn);
        }
        return card(cards.of(seen(turn, outcome)));
    }

    /** An enrolled person's chat is kept (or moved) whenever a turn finds them enrolled. */
    private EnrollmentOutcome seen(Turn turn, EnrollmentOutcome outcome) {
        if (outcome instanceof EnrollmentOutcome.AlreadyEnrolled) {
            conversations.enrolledBefore(turn);
        }
        return outcome;
    }

    private CompletableFuture<Void> guests(Turn turn, String arguments) {
        String orgId = turn.caller().orgId();
        String choice = arguments.trim().toLowerCase(Locale.ROOT);
        if (choice.isEmpty()) {
            return turn.sendText(settings.guestsAllowed(orgId)
                    ? "Guest accounts may enroll. Type 'guests refuse' to allow members only."
                    : "Only members may enroll; guest accounts are refused. Type 'guests allow' to let guests enroll too.");
        }
        if (!choice.equals("allow") && !choice.equals("refuse")) {
            return turn.sendText("Type 'guests allow' or 'guests refuse'.");
        }
        boolean allow = choice.equals("allow");
        settings.allowGuests(orgId, allow, turn.caller().objectId());
        audit.append(new AuditEntry(orgId, turn.caller().objectId(), "settings.guests", orgId,
                AuditEntry.Outcome.SUCCEEDED, allow ? "guest accounts may enroll" : "guest accounts are refused"));
        return turn.sendText(allow
                ? "Done: guest accounts with a complete profile may now enroll."
                : "Done: guest accounts can no longer enroll. Guests enrolled before stay enrolled.");
    }

    private static CompletableFuture<CardReply> card(ObjectNode card) {
        return CompletableFuture.completedFuture(new CardReply.Card(card));
    }
}
