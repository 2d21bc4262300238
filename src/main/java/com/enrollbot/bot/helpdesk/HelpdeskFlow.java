package com.enrollbot.bot.helpdesk;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.enrollbot.bot.CardReply;
import com.enrollbot.bot.Flow;
import com.enrollbot.bot.Routes;
import com.enrollbot.bot.Turn;
import com.enrollbot.bot.enrollment.PeopleStatus;
import com.enrollbot.core.access.Role;
import com.enrollbot.core.enrollment.Enrollment;
import com.enrollbot.core.helpdesk.HelpdeskService;
import com.enrollbot.core.helpdesk.PeopleLookup;
import com.enrollbot.core.helpdesk.PersonStatus;
import com.enrollbot.core.helpdesk.ResetOutcome;
import com.enrollbot.core.helpdesk.ResetSubject;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;

/**
 * The helpdesk's lookups ({@code status <who>}, the Look up box) and the reset of an enrollment: reason, then
 * confirmation, then the person's card in place. Every verb requires the helpdesk role (checked by the router);
 * the ids a card carries are checked against the caller's organization by the service.
 */
@Component
final class HelpdeskFlow implements Flow, PeopleStatus {

    /** As for enrollment: Teams gives an invoke 5 s, and the database and the reply need what Graph leaves. */
    static final Duration GRAPH_BUDGET = Duration.ofMillis(3500);

    static final String SEARCH = "helpdesk.search";
    static final String SHOW = "helpdesk.show";
    static final String RESET = "helpdesk.reset";
    static final String REVIEW = "helpdesk.reset.review";
    static final String CONFIRM = "helpdesk.reset.confirm";

    private static final String NOT_HERE = "I cannot find that in your organization. Look the person up again:"
            + " type 'status' and their UPN, e-mail address or name.";

    private final HelpdeskService helpdesk;
    private final HelpdeskCards cards;

    HelpdeskFlow(HelpdeskService helpdesk, HelpdeskCards cards) {
        this.helpdesk = helpdesk;
        this.cards = cards;
    }

    @Override
    public void register(Routes routes) {
        routes.verb(SEARCH, Role.HELPDESK, (turn, data) -> done(lookup(turn, text(data, "who"))))
                .verb(SHOW, Role.HELPDESK, this::show)
                .verb(RESET, Role.HELPDESK, this::resetForm)
                .verb(REVIEW, Role.HELPDESK, this::review)
                .verb(CONFIRM, Role.HELPDESK, this::confirm);
    }

    /** {@code status <who>} typed by helpdesk staff or an admin (the enrollment flow checked the role). */
    @Override
    public CompletableFuture<Void> show(Turn turn, String who) {
        CardReply reply = lookup(turn, who);
        return reply instanceof CardReply.Card card ? turn.sendCard(card.card()) : turn.sendText(((CardReply.Text) reply).text());
    }

    private CardReply lookup(Turn turn, String who) {
        PeopleLookup lookup = helpdesk.lookup(turn.caller(), who, GRAPH_BUDGET);
        if (lookup instanceof PeopleLookup.Found found) {
            return new CardReply.Card(cards.people(found));
        }
        if (lookup instanceof PeopleLookup.Unsearchable unsearchable) {
            return new CardReply.Text(unsearchable.reason() + " " + HelpdeskCards.USAGE);
        }
        if (lookup instanceof PeopleLookup.NoDirectory) {
            return new CardReply.Text("Your organization has not registered an Entra ID directory yet, so there is"
                    + " nobody to look up. An admin can register one: type 'directories'.");
        }
        return new CardReply.Text(HelpdeskCards.USAGE);
    }

    private CompletableFuture<CardReply> show(Turn turn, JsonNode data) {
        Optional<PersonStatus> person = uuid(data, "directoryId")
                .flatMap(directoryId -> helpdesk.person(turn.caller(), directoryId, text(data, "objectId"), GRAPH_BUDGET));
        return done(person.<CardReply>map(found -> new CardReply.Card(cards.person(found, "", true)))
                .orElseGet(() -> new CardReply.Text(NOT_HERE)));
    }

    private CompletableFuture<CardReply> resetForm(Turn turn, JsonNode data) {
        Optional<ResetSubject> subject = helpdesk.resetSubject(turn.caller(), uuid(data, "enrollmentId").orElse(null));
        if (subject.isEmpty()) {
            return done(new CardReply.Text(NOT_HERE));
        }
        if (subject.get().enrollment().state() != Enrollment.State.ENROLLED) {
            return done(current(turn, subject.get(), "This enrollment is not active any more: there is nothing to reset."));
        }
        return done(new CardReply.Card(cards.resetForm(subject.get(), text(data, "reason").strip(), "")));
    }

    /** Continue pressed on the reason form: the reason is checked before the confirmation shows it. */
    private CompletableFuture<CardReply> review(Turn turn, JsonNode data) {
        Optional<ResetSubject> subject = helpdesk.resetSubject(turn.caller(), uuid(data, "enrollmentId").orElse(null));
        if (subject.isEmpty()) {
            return done(new CardReply.Text(NOT_HERE));
        }
        String reason = text(data, "reason").strip();
        Optional<String> problem = HelpdeskService.reasonProblem(reason);
        if (problem.isPresent()) {
            return done(new CardReply.Card(cards.resetForm(subject.get(), reason, problem.get())));
        }
        return done(new CardReply.Card(cards.resetConfirm(subject.get(), reason)));
    }

    private CompletableFuture<CardReply> confirm(Turn turn, JsonNode data) {
        ResetOutcome outcome = helpdesk.reset(turn.caller(), uuid(data, "enrollmentId").orElse(null),
                instant(text(data, "enrolledAt")), text(data, "reason"), GRAPH_BUDGET);
        if (outcome instanceof ResetOutcome.Reset reset) {
            String name = HelpdeskCards.name(reset.person());
            return done(new CardReply.Card(cards.person(reset.person(), "Done: the enrollment of " + name
                    + " is revoked, and they can enroll again. " + (reset.told()
                    ? "I am telling them in their chat with me."
                    : "They have no chat with me that I know of: please tell them yourself."), true)));
        }
        if (outcome instanceof ResetOutcome.AlreadyReset already) {
            return done(new CardReply.Card(cards.person(already.person(), "This enrollment was reset already.", true)));
        }
        if (outcome instanceof ResetOutcome.Changed changed) {
            return done(new CardReply.Card(cards.person(changed.person(), "Nothing was reset: the enrollment changed"
                    + " after your card was made (they enrolled again, or it was reset or disabled). This is how it is now.",
                    false)));
        }
        if (outcome instanceof ResetOutcome.ReasonRefused refused) {
            return done(new CardReply.Text(refused.problem()));
        }
        return done(new CardReply.Text(NOT_HERE));
    }

    private CardReply current(Turn turn, ResetSubject subject, String notice) {
        return helpdesk.person(turn.caller(), subject.directory().id(), subject.enrollment().objectId(), GRAPH_BUDGET)
                .<CardReply>map(person -> new CardReply.Card(cards.person(person, notice, false)))
                .orElseGet(() -> new CardReply.Text(NOT_HERE));
    }

    private static Optional<UUID> uuid(JsonNode data, String field) {
        try {
            return Optional.of(UUID.fromString(text(data, field)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Null when the card carried no readable instant: the service then treats the card as out of date. */
    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.path(field);
        return value.isValueNode() ? value.asText("") : "";
    }

    private static CompletableFuture<CardReply> done(CardReply reply) {
        return CompletableFuture.completedFuture(reply);
    }
}
