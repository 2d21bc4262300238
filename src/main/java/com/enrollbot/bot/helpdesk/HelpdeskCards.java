package com.enrollbot.bot.helpdesk;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.enrollbot.cards.CardTemplates;
import com.enrollbot.core.directory.DirectoryFault;
import com.enrollbot.core.enrollment.Enrollment;
import com.enrollbot.core.helpdesk.EnrollmentOverview;
import com.enrollbot.core.helpdesk.HelpdeskService;
import com.enrollbot.core.helpdesk.PeopleLookup;
import com.enrollbot.core.helpdesk.PersonStatus;
import com.enrollbot.core.helpdesk.Readiness;
import com.enrollbot.core.helpdesk.ResetSubject;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;

/**
 * The helpdesk's cards. A fault is named in a plain sentence (what happened, what to do); its technical detail
 * goes to the log and to the admins, never onto a card. CAUTION: the templates throw on a null inside an
 * interpolated string, so every value bound here is non-null.
 */
@Component
final class HelpdeskCards {

    static final String USAGE = "Type 'status' and a UPN, an e-mail address or the start of a display name,"
            + " e.g. 'status ada@contoso.com' or 'status Ada'.";
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final CardTemplates cards;

    HelpdeskCards(CardTemplates cards) {
        this.cards = cards;
    }

    ObjectNode people(PeopleLookup.Found found) {
        List<Map<String, String>> notices = new ArrayList<>();
        for (PeopleLookup.Unanswered unanswered : found.unanswered()) {
            notices.add(notice("I could not search " + unanswered.directory().displayName() + ": "
                    + sentence(unanswered.fault()) + " Below is only what the stored enrollments know.", false));
        }
        if (found.people().isEmpty()) {
            notices.add(notice(found.unanswered().isEmpty()
                    ? "Nobody in your organization's directories matches '" + found.query() + "'."
                    : "No stored enrollment matches '" + found.query() + "' either.", false));
        }
        String hint = found.more()
                ? "More people match '" + found.query() + "' than the " + HelpdeskService.MAX_RESULTS + " shown: type"
                + " more of the name, or the whole UPN or e-mail address."
                : "";
        return render("People matching '" + found.query() + "'", notices, found.people(), hint);
    }

    ObjectNode person(PersonStatus person, String notice, boolean good) {
        List<Map<String, String>> notices = new ArrayList<>();
        if (!notice.isEmpty()) {
            notices.add(notice(notice, good));
        }
        if (person.readiness() instanceof Readiness.Unknown unknown) {
            notices.add(notice("I could not read " + name(person) + " in " + person.directory().displayName() + ": "
                    + sentence(unknown.fault()) + " Below is what the stored enrollment knows.", false));
        }
        return render(name(person), notices, List.of(person), "");
    }

    ObjectNode resetForm(ResetSubject subject, String reason, String error) {
        Map<String, Object> data = subjectData(subject);
        data.put("reason", reason);
        data.put("error", error);
        data.put("directoryId", subject.directory().id().toString());
        data.put("objectId", subject.enrollment().objectId());
        return cards.render("helpdesk-reset", data);
    }

    ObjectNode resetConfirm(ResetSubject subject, String reason) {
        Map<String, Object> data = subjectData(subject);
        data.put("reason", reason);
        return cards.render("helpdesk-reset-confirm", data);
    }

    ObjectNode overview(EnrollmentOverview overview, boolean firstPage) {
        Map<String, Object> data = new LinkedHashMap<>();
        // A FactSet's values are strings in the Adaptive Card schema.
        data.put("directories", overview.counts().stream().map(counts -> Map.of(
                "name", counts.directoryName(),
                "enrolled", String.valueOf(counts.enrolled()),
                "revoked", String.valueOf(counts.revoked()),
                "disabled", String.valueOf(counts.disabled()))).toList());
        data.put("changesTitle", firstPage ? "The latest changes" : "Earlier changes");
        data.put("changes", overview.changes().stream().map(HelpdeskCards::change).toList());
        data.put("hasMore", overview.next().isPresent());
        data.put("nextAt", overview.next().map(next -> next.at().toString()).orElse(""));
        data.put("nextId", overview.next().map(EnrollmentOverview.Cursor::id).orElse(0L));
        data.put("refreshTitle", firstPage ? "Refresh" : "Newest");
        return cards.render("enrollments", data);
    }

    private static Map<String, String> change(EnrollmentOverview.Change change) {
        String who = text(change.displayName()).isEmpty() ? change.objectId() : change.displayName();
        if (!text(change.userPrincipalName()).isEmpty()) {
            who += " (" + change.userPrincipalName() + ")";
        }
        String by = change.byThePersonThemself() ? "by themselves"
                : "by " + (text(change.actorName()).isEmpty() ? change.actorId() : change.actorName());
        String reason = text(change.reason());
        return Map.of(
                "who", who,
                "what", stateName(change.state()).toLowerCase(Locale.ROOT),
                "when", WHEN.format(change.at()),
                "directory", text(change.directoryName()),
                "why", " · " + by + (reason.isEmpty() ? "" : ": " + reason));
    }

    private ObjectNode render(String title, List<Map<String, String>> notices, List<PersonStatus> people, String hint) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("title", title);
        data.put("notices", notices);
        data.put("people", people.stream().map(HelpdeskCards::personData).toList());
        data.put("hint", hint);
        return cards.render("helpdesk-people", data);
    }

    private static Map<String, Object> personData(PersonStatus person) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", name(person));
        data.put("upn", person.userPrincipalName());
        List<Map<String, String>> facts = new ArrayList<>();
        Optional<Enrollment> enrollment = person.enrollment();
        facts.add(fact("State", enrollment.map(e -> stateName(e.state())).orElse("Not enrolled")));
        enrollment.ifPresent(e -> facts.add(fact("Since",
                WHEN.format(e.state() == Enrollment.State.ENROLLED ? e.enrolledAt() : e.updatedAt()))));
        enrollment.filter(e -> e.state() != Enrollment.State.ENROLLED && !text(e.stateReason()).isEmpty())
                .ifPresent(e -> facts.add(fact("Reason", e.stateReason())));
        facts.add(fact("Directory", person.directory().displayName()));
        if (!person.maskedMobile().isEmpty()) {
            facts.add(fact("Mobile", person.maskedMobile()));
        }
        if (!person.mail().isEmpty() && !person.mail().equalsIgnoreCase(person.userPrincipalName())) {
            facts.add(fact("E-mail", person.mail()));
        }
        data.put("facts", facts);
        Readiness readiness = person.readiness();
        data.put("readiness", readiness(person));
        data.put("readinessColor", readiness instanceof Readiness.Ready || readiness instanceof Readiness.Enrolled
                ? "good" : readiness instanceof Readiness.Unknown ? "warning" : "attention");
        data.put("problems", readiness instanceof Readiness.NotReady notReady
                ? notReady.problems().stream().map(problem -> Map.of("text", problem.field().label() + " ("
                        + problem.field().graphName() + ") " + problem.problem() + ". Who can fix it: "
                        + whoCanFix(problem.whoCanFix()))).toList()
                : List.of());
        data.put("canReset", enrollment.map(e -> e.state() == Enrollment.State.ENROLLED).orElse(false));
        data.put("enrollmentId", enrollment.map(e -> e.id().toString()).orElse(""));
        data.put("directoryId", person.directory().id().toString());
        data.put("objectId", person.objectId());
        return data;
    }

    private static String readiness(PersonStatus person) {
        Readiness readiness = person.readiness();
        if (readiness instanceof Readiness.Enrolled) {
            return "enrolled already";
        }
        if (readiness instanceof Readiness.Ready) {
            return "yes, the profile has everything enrollment needs (they type 'enroll')";
        }
        if (readiness instanceof Readiness.NotReady) {
            return "no, because:";
        }
        if (readiness instanceof Readiness.DirectoryDisabled) {
            return "no, enrollment through " + person.directory().displayName() + " is switched off (an admin can"
                    + " enable it under 'directories')";
        }
        if (readiness instanceof Readiness.NotInDirectory) {
            return "no, " + person.directory().displayName() + " has no such user (any more)";
        }
        return "unknown, the directory did not give the profile";
    }

    /** The employee's card speaks to the employee ("Your IT admin"); the helpdesk reads about someone else. */
    private static String whoCanFix(String whoCanFix) {
        return whoCanFix.startsWith("Your ") ? "their " + whoCanFix.substring("Your ".length()) : whoCanFix;
    }

    /** What the helpdesk agent needs to know about a fault, and what to do. */
    static String sentence(DirectoryFault fault) {
        if (fault.kind().credentialsBroken()) {
            return "its registration needs an admin's attention (Entra ID or Microsoft Graph refused its credentials"
                    + " or permissions); your admins have been told.";
        }
        return switch (fault.kind()) {
            case THROTTLED -> "Microsoft Graph is throttling requests right now. Try again in a minute.";
            case SERVICE_ERROR -> "Microsoft Graph answered with a server error. Try again in a few minutes.";
            case TIMEOUT -> "the directory did not answer in time. Try again in a minute.";
            case UNREACHABLE -> "I could not reach Microsoft Graph. Try again in a few minutes.";
            default -> "something unexpected went wrong. Try again; if it persists, tell whoever runs this bot.";
        };
    }

    private static Map<String, Object> subjectData(ResetSubject subject) {
        Enrollment enrollment = subject.enrollment();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", text(enrollment.displayName()).isEmpty() ? enrollment.objectId() : enrollment.displayName());
        data.put("upn", text(enrollment.userPrincipalName()));
        data.put("directory", subject.directory().displayName());
        data.put("since", WHEN.format(enrollment.enrolledAt()));
        data.put("maskedMobile", subject.maskedMobile());
        data.put("enrollmentId", enrollment.id().toString());
        data.put("enrolledAt", enrollment.enrolledAt().toString());
        return data;
    }

    static String stateName(Enrollment.State state) {
        return switch (state) {
            case ENROLLED -> "Enrolled";
            case REVOKED -> "Revoked";
            case DISABLED -> "Disabled";
        };
    }

    static String name(PersonStatus person) {
        return person.displayName().isEmpty() ? person.objectId() : person.displayName();
    }

    private static Map<String, String> notice(String text, boolean good) {
        return Map.of("text", text, "color", good ? "good" : "attention");
    }

    private static Map<String, String> fact(String title, String value) {
        return Map.of("title", title, "value", value);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
