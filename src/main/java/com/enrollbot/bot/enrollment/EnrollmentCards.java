package com.enrollbot.bot.enrollment;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.enrollbot.cards.CardTemplates;
import com.enrollbot.core.directory.Directory;
import com.enrollbot.core.enrollment.EligibleProfile;
import com.enrollbot.core.enrollment.Enrollment;
import com.enrollbot.core.enrollment.EnrollmentOutcome;
import com.enrollbot.core.enrollment.EnrollmentStatus;
import com.enrollbot.core.enrollment.MobileNumber;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;

/**
 * One card per enrollment outcome. Employees never see a fault's detail: what went wrong at the directory
 * is for admins (who are told) and the log. CAUTION: the templates throw on a null inside an interpolated
 * string, so every value bound here is non-null.
 */
@Component
final class EnrollmentCards {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final CardTemplates cards;

    EnrollmentCards(CardTemplates cards) {
        this.cards = cards;
    }

    ObjectNode of(EnrollmentOutcome outcome) {
        if (outcome instanceof EnrollmentOutcome.NoDirectory none) {
            return notConnected("Your organization has not connected its directory yet",
                    "To enroll, your organization's Microsoft Entra ID directory must first be connected to this bot."
                            + " There is nothing you can do about it yourself.", none.whomToAsk());
        }
        if (outcome instanceof EnrollmentOutcome.DirectoryDisabled disabled) {
            return notConnected("Enrollment is switched off for your directory",
                    "Your organization has paused enrollment through " + disabled.directory().displayName() + ".",
                    disabled.whomToAsk());
        }
        if (outcome instanceof EnrollmentOutcome.UserNotFound notFound) {
            return notice("I could not find you in your directory", "The directory "
                    + notFound.directory().displayName() + " has no account with your Microsoft Entra ID. If you are"
                    + " signed in to Teams with another account than your work account, switch to your work account;"
                    + " otherwise ask your IT admin.", false);
        }
        if (outcome instanceof EnrollmentOutcome.DirectoryUnavailable unavailable) {
            return unavailable.credentialsBroken()
                    ? notice("Enrollment is temporarily unavailable", "The connection to your organization's directory"
                            + " needs an admin's attention. They have been told; please try again later.", false)
                    : notice("The directory did not answer", "Your organization's directory did not answer in time."
                            + " Please try again in a minute.", true);
        }
        if (outcome instanceof EnrollmentOutcome.NotEligible notEligible) {
            return profileIncomplete(notEligible);
        }
        if (outcome instanceof EnrollmentOutcome.ReadyToEnroll ready) {
            return confirm("Check your details, then enroll", false, ready.directory(), ready.profile());
        }
        if (outcome instanceof EnrollmentOutcome.ProfileChanged changed) {
            return confirm("Check your details again", true, changed.directory(), changed.profile());
        }
        if (outcome instanceof EnrollmentOutcome.Enrolled enrolled) {
            return receipt("You are enrolled", enrolled.directory(), enrolled.enrollment(), enrolled.mobile());
        }
        EnrollmentOutcome.AlreadyEnrolled already = (EnrollmentOutcome.AlreadyEnrolled) outcome;
        return receipt("You are already enrolled", already.directory(), already.enrollment(), already.mobile());
    }

    ObjectNode of(EnrollmentStatus status) {
        if (status instanceof EnrollmentStatus.NoDirectory none) {
            return notConnected("You are not enrolled", "Your organization has not connected its Microsoft Entra ID"
                    + " directory to this bot yet, so nobody can enroll.", none.whomToAsk());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        if (status instanceof EnrollmentStatus.NotEnrolled notEnrolled) {
            data.put("headline", "You are not enrolled");
            data.put("known", false);
            data.put("directory", notEnrolled.directory().displayName());
            data.put("state", "");
            data.put("since", "");
            data.put("maskedMobile", "");
            data.put("detail", "");
            data.put("canEnroll", true);
            return cards.render("enroll-status", data);
        }
        EnrollmentStatus.Known known = (EnrollmentStatus.Known) status;
        Enrollment enrollment = known.enrollment();
        String reason = text(enrollment.stateReason());
        data.put("known", true);
        data.put("directory", known.directory().displayName());
        data.put("maskedMobile", known.maskedMobile());
        switch (enrollment.state()) {
            case ENROLLED -> {
                data.put("headline", "You are enrolled");
                data.put("state", "Enrolled");
                data.put("since", WHEN.format(enrollment.enrolledAt()));
                data.put("detail", "");
                data.put("canEnroll", false);
            }
            case REVOKED -> {
                data.put("headline", "Your enrollment was revoked");
                data.put("state", "Revoked");
                data.put("since", WHEN.format(enrollment.updatedAt()));
                data.put("detail", (reason.isEmpty() ? "" : "Reason given by your helpdesk: " + reason + ". ")
                        + "You can enroll again.");
                data.put("canEnroll", true);
            }
            case DISABLED -> {
                data.put("headline", "Your enrollment is disabled");
                data.put("state", "Disabled");
                data.put("since", WHEN.format(enrollment.updatedAt()));
                data.put("detail", "Your account was disabled in your organization's directory. Once it is enabled"
                        + " again, you can enroll again.");
                data.put("canEnroll", true);
            }
        }
        return cards.render("enroll-status", data);
    }

    private ObjectNode notConnected(String title, String message, List<String> whomToAsk) {
        return cards.render("enroll-not-connected", Map.of(
                "title", title,
                "message", message,
                "hasAdmins", !whomToAsk.isEmpty(),
                "whomToAsk", String.join(", ", whomToAsk)));
    }

    private ObjectNode notice(String title, String message, boolean canRetry) {
        return cards.render("enroll-notice", Map.of("title", title, "message", message, "canRetry", canRetry));
    }

    private ObjectNode profileIncomplete(EnrollmentOutcome.NotEligible notEligible) {
        List<Map<String, String>> problems = notEligible.problems().stream()
                .map(problem -> Map.of(
                        "field", problem.field().label(),
                        "graphName", problem.field().graphName(),
                        "problem", problem.problem(),
                        "whoCanFix", problem.whoCanFix()))
                .toList();
        return cards.render("enroll-profile-incomplete", Map.of(
                "directory", notEligible.directory().displayName(),
                "problems", problems));
    }

    private ObjectNode confirm(String headline, boolean changed, Directory directory, EligibleProfile profile) {
        return cards.render("enroll-confirm", Map.of(
                "headline", headline,
                "changed", changed,
                "displayName", profile.displayName(),
                "mail", profile.mail(),
                "maskedMobile", profile.mobile().masked(),
                "directory", directory.displayName(),
                "fingerprint", profile.fingerprint()));
    }

    private ObjectNode receipt(String headline, Directory directory, Enrollment enrollment, MobileNumber mobile) {
        return cards.render("enroll-receipt", Map.of(
                "headline", headline,
                "displayName", text(enrollment.displayName()),
                "mail", text(enrollment.mail()),
                "maskedMobile", mobile.masked(),
                "directory", directory.displayName(),
                "enrolledAt", WHEN.format(enrollment.enrolledAt())));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
