package com.enrollbot.core.helpdesk;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.enrollbot.core.access.Caller;
import com.enrollbot.core.audit.AuditEntry;
import com.enrollbot.core.audit.AuditEntry.Outcome;
import com.enrollbot.core.audit.AuditLog;
import com.enrollbot.core.directory.Directory;
import com.enrollbot.core.directory.DirectoryAccess;
import com.enrollbot.core.directory.DirectoryFault;
import com.enrollbot.core.directory.DirectoryGateway;
import com.enrollbot.core.directory.DirectoryGateway.PeopleSearch;
import com.enrollbot.core.directory.DirectoryGateway.ProfileLookup;
import com.enrollbot.core.directory.DirectoryProfile;
import com.enrollbot.core.enrollment.AdminAlerts;
import com.enrollbot.core.enrollment.Eligibility;
import com.enrollbot.core.enrollment.Enrollment;
import com.enrollbot.core.enrollment.EnrollmentStore;
import com.enrollbot.core.enrollment.OrganizationSettings;
import com.enrollbot.core.enrollment.PhoneNumbers;
import com.enrollbot.core.helpdesk.EnrollmentOverview.Cursor;
import com.enrollbot.core.helpdesk.HelpdeskStore.Revocation;
import com.enrollbot.core.helpdesk.PeopleLookup.Unanswered;

/**
 * The helpdesk's view of an organization's people: look anyone up through the organization's directories,
 * see their enrollment and whether they could enroll now, reset (revoke) an enrollment, and list the changes.
 * <p>
 * The router has checked that the caller is helpdesk or admin; everything here is scoped to the caller's
 * organization, whatever ids a card carries. No database connection is held while a directory is asked:
 * directories and secrets are read before, enrollments after, each in its own short statement.
 */
public final class HelpdeskService {

    public static final int MAX_RESULTS = 10;
    /** Graph's limit for a user attribute: longer text cannot be anyone's UPN, mail or name. */
    public static final int MAX_QUERY_LENGTH = 256;
    public static final int MAX_REASON_LENGTH = 300;
    public static final int CHANGES_PER_PAGE = 20;

    private final DirectoryAccess directories;
    private final DirectoryGateway gateway;
    private final EnrollmentStore enrollments;
    private final HelpdeskStore store;
    private final OrganizationSettings settings;
    private final PhoneNumbers phoneNumbers;
    private final Eligibility eligibility;
    private final AdminAlerts alerts;
    private final AuditLog audit;
    private final EmployeeChats chats;
    private final Executor searches;

    public HelpdeskService(DirectoryAccess directories, DirectoryGateway gateway, EnrollmentStore enrollments,
                           HelpdeskStore store, OrganizationSettings settings, PhoneNumbers phoneNumbers,
                           AdminAlerts alerts, AuditLog audit, EmployeeChats chats, Executor searches) {
        this.directories = Objects.requireNonNull(directories, "directories");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.enrollments = Objects.requireNonNull(enrollments, "enrollments");
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.phoneNumbers = Objects.requireNonNull(phoneNumbers, "phoneNumbers");
        this.eligibility = new Eligibility(phoneNumbers);
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.chats = Objects.requireNonNull(chats, "chats");
        this.searches = Objects.requireNonNull(searches, "searches");
    }

    /**
     * Looks people up by UPN, e-mail or the start of a display name in every directory of the caller's
     * organization, at most {@link #MAX_RESULTS} in all.
     */
    public PeopleLookup lookup(Caller caller, String typed, Duration budget) {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(budget, "budget");
        String query = typed == null ? "" : typed.strip();
        if (query.isEmpty()) {
            return new PeopleLookup.Usage();
        }
        if (query.codePointCount(0, query.length()) > MAX_QUERY_LENGTH) {
            return new PeopleLookup.Unsearchable("That is longer than any UPN, e-mail address or name can be (at most "
                    + MAX_QUERY_LENGTH + " characters).");
        }
        if (query.codePoints().anyMatch(Character::isISOControl)) {
            return new PeopleLookup.Unsearchable("That contains line breaks or control characters, which no UPN,"
                    + " e-mail address or name has. Type it on one line.");
        }
        List<Directory> registered = directories.ofOrganization(caller.orgId());
        if (registered.isEmpty()) {
            return new PeopleLookup.NoDirectory();
        }
        Map<Directory, PeopleSearch> answers = search(registered, query, budget);

        // Read only when someone was found: a search that finds nobody costs no more than it must.
        boolean guestsAllowed = answers.values().stream()
                .anyMatch(answer -> answer instanceof PeopleSearch.Found found && !found.people().isEmpty())
                && settings.guestsAllowed(caller.orgId());
        List<PersonStatus> people = new ArrayList<>();
        List<Unanswered> unanswered = new ArrayList<>();
        boolean more = false;
        List<Enrollment> stored = null;
        for (Map.Entry<Directory, PeopleSearch> answer : answers.entrySet()) {
            Directory directory = answer.getKey();
            if (answer.getValue() instanceof PeopleSearch.Failed failed) {
                unanswered.add(new Unanswered(directory, failed.fault()));
                alerts.credentialsBroken(directory, failed.fault());
                stored = stored == null ? store.matching(caller.orgId(), query, MAX_RESULTS + 1) : stored;
                stored.stream().filter(enrollment -> enrollment.directoryId().equals(directory.id()))
                        .forEach(enrollment -> people.add(fromEnrollment(directory, enrollment,
                                new Readiness.Unknown(failed.fault()))));
                continue;
            }
            PeopleSearch.Found found = (PeopleSearch.Found) answer.getValue();
            more |= found.more();
            Map<String, Enrollment> enrolled = store.ofPeople(caller.orgId(), directory.id(),
                            found.people().stream().map(person -> normalized(person.objectId())).toList()).stream()
                    .collect(Collectors.toMap(Enrollment::objectId, Function.identity()));
            for (DirectoryProfile person : found.people()) {
                Enrollment enrollment = enrolled.get(normalized(person.objectId()));
                people.add(fromProfile(directory, person, enrollment, () -> guestsAllowed));
            }
            if (query.indexOf('@') > 0) {
                // Someone enrolled and since deleted from Entra ID: Graph no longer finds them, the database does.
                stored = stored == null ? store.matching(caller.orgId(), query, MAX_RESULTS + 1) : stored;
                Set<String> seen = found.people().stream().map(person -> normalized(person.objectId()))
                        .collect(Collectors.toSet());
                stored.stream()
                        .filter(enrollment -> enrollment.directoryId().equals(directory.id())
                                && !seen.contains(enrollment.objectId())
                                && (query.equalsIgnoreCase(enrollment.userPrincipalName())
                                || query.equalsIgnoreCase(enrollment.mail())))
                        .forEach(enrollment -> people.add(fromEnrollment(directory, enrollment, new Readiness.NotInDirectory())));
            }
        }
        boolean truncated = people.size() > MAX_RESULTS;
        return new PeopleLookup.Found(query, truncated ? people.subList(0, MAX_RESULTS) : people,
                more || truncated, unanswered);
    }

    /**
     * One person of one of the caller's directories, read afresh. Empty (refused and audited) when the
     * directory is not the caller's organization's or the id is not an Entra object id: card data was forged.
     */
    public Optional<PersonStatus> person(Caller caller, UUID directoryId, String objectId, Duration budget) {
        Objects.requireNonNull(caller, "caller");
        Optional<Directory> directory = ownDirectory(caller, directoryId);
        if (directory.isEmpty() || !isObjectId(objectId)) {
            // Forged card data may be anything: the audit trail keeps a bounded excerpt of it.
            String subject = objectId == null ? null : objectId.substring(0, Math.min(objectId.length(), 64));
            record(caller, "helpdesk.show", subject, Outcome.REFUSED, "no such person or directory in this organization");
            return Optional.empty();
        }
        String id = normalized(objectId);
        return Optional.of(read(caller, directory.get(), id, enrollments.find(directory.get().id(), id).orElse(null), budget));
    }

    /** The enrollment a reset card is about; empty (refused and audited) when it is not the caller's organization's. */
    public Optional<ResetSubject> resetSubject(Caller caller, UUID enrollmentId) {
        Objects.requireNonNull(caller, "caller");
        Optional<Enrollment> enrollment = enrollmentId == null ? Optional.empty() : store.find(caller.orgId(), enrollmentId);
        Optional<Directory> directory = enrollment.flatMap(found -> ownDirectory(caller, found.directoryId()));
        if (directory.isEmpty()) {
            record(caller, "enrollment.reset", String.valueOf(enrollmentId), Outcome.REFUSED,
                    "no such enrollment in this organization");
            return Optional.empty();
        }
        return Optional.of(new ResetSubject(directory.get(), enrollment.get(),
                phoneNumbers.ofE164(enrollment.get().mobileE164()).masked()));
    }

    /** What is wrong with a reset reason, if anything: it is shown to the employee and kept in the audit trail. */
    public static Optional<String> reasonProblem(String reason) {
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            return Optional.of("Give a reason: the employee sees it, and it is kept with the enrollment.");
        }
        if (text.codePointCount(0, text.length()) > MAX_REASON_LENGTH) {
            return Optional.of("Keep the reason to " + MAX_REASON_LENGTH + " characters.");
        }
        if (text.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.of("Write the reason on one line.");
        }
        return Optional.empty();
    }

    /**
     * Revokes the enrollment the agent confirmed (enrolled since {@code enrolledAt}), tells the person in their
     * chat with the bot if it has one, and audits it. A retried or stale confirmation changes nothing.
     */
    public ResetOutcome reset(Caller caller, UUID enrollmentId, Instant enrolledAt, String reason, Duration budget) {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(budget, "budget");
        Optional<String> problem = reasonProblem(reason);
        if (problem.isPresent()) {
            return new ResetOutcome.ReasonRefused(problem.get());
        }
        Optional<ResetSubject> subject = resetSubject(caller, enrollmentId);
        if (subject.isEmpty()) {
            return new ResetOutcome.NotInOrganization();
        }
        Directory directory = subject.get().directory();
        String why = reason.strip();
        if (enrolledAt == null) {
            return new ResetOutcome.Changed(read(caller, directory, subject.get().enrollment(), budget));
        }
        Revocation revocation = store.revoke(new HelpdeskStore.Revoke(caller.orgId(), enrollmentId, enrolledAt,
                caller.objectId(), caller.displayName(), why, new AuditEntry(caller.orgId(), caller.objectId(),
                "enrollment.reset", subject.get().enrollment().objectId(), Outcome.SUCCEEDED,
                "through directory " + directory.id() + ": " + why)));
        if (revocation instanceof Revocation.NotFound) {
            return new ResetOutcome.NotInOrganization();
        }
        if (revocation instanceof Revocation.Unchanged unchanged) {
            Enrollment current = unchanged.current();
            PersonStatus person = read(caller, directory, current, budget);
            return current.state() == Enrollment.State.REVOKED && current.enrolledAt().equals(enrolledAt)
                    ? new ResetOutcome.AlreadyReset(person)
                    : new ResetOutcome.Changed(person);
        }
        Enrollment revoked = ((Revocation.Revoked) revocation).enrollment();
        boolean told = chats.tellAndForget(revoked.id(), "Your helpdesk reset your enrollment in multi-factor"
                + " authentication (directory " + directory.displayName() + "). Reason: " + why
                + ". To enroll again, type 'enroll'.");
        return new ResetOutcome.Reset(read(caller, directory, revoked, budget), told);
    }

    /** Counts per directory and state, and one page of changes (the newest, or those after {@code after}). */
    public EnrollmentOverview overview(Caller caller, Optional<Cursor> after) {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(after, "after");
        List<EnrollmentOverview.Change> changes = store.changes(caller.orgId(), after, CHANGES_PER_PAGE + 1);
        Optional<Cursor> next = Optional.empty();
        if (changes.size() > CHANGES_PER_PAGE) {
            changes = changes.subList(0, CHANGES_PER_PAGE);
            EnrollmentOverview.Change last = changes.get(CHANGES_PER_PAGE - 1);
            next = Optional.of(new Cursor(last.at(), last.id()));
        }
        return new EnrollmentOverview(store.counts(caller.orgId()), changes, next);
    }

    // ---- helpers

    /** One directory is searched on the caller's thread; several at once, each within the same budget. */
    private Map<Directory, PeopleSearch> search(List<Directory> registered, String query, Duration budget) {
        Map<Directory, PeopleSearch> answers = new LinkedHashMap<>();
        if (registered.size() == 1) {
            Directory only = registered.get(0);
            answers.put(only, gateway.searchPeople(directories.credentialsOf(only), query, MAX_RESULTS, budget));
            return answers;
        }
        Map<Directory, CompletableFuture<PeopleSearch>> running = new LinkedHashMap<>();
        for (Directory directory : registered) {
            var credentials = directories.credentialsOf(directory);
            running.put(directory, CompletableFuture.supplyAsync(
                    () -> gateway.searchPeople(credentials, query, MAX_RESULTS, budget), searches));
        }
        running.forEach((directory, search) -> answers.put(directory, search.join()));
        return answers;
    }

    private PersonStatus read(Caller caller, Directory directory, Enrollment enrollment, Duration budget) {
        return read(caller, directory, enrollment.objectId(), enrollment, budget);
    }

    private PersonStatus read(Caller caller, Directory directory, String objectId, Enrollment enrollment, Duration budget) {
        ProfileLookup lookup = gateway.readProfile(directories.credentialsOf(directory), objectId, budget);
        if (lookup instanceof ProfileLookup.Found found) {
            // The guest setting is read only if this person is a guest.
            return fromProfile(directory, found.profile(), enrollment, () -> settings.guestsAllowed(caller.orgId()));
        }
        Readiness readiness;
        if (lookup instanceof ProfileLookup.Failed failed) {
            alerts.credentialsBroken(directory, failed.fault());
            readiness = new Readiness.Unknown(failed.fault());
        } else {
            readiness = new Readiness.NotInDirectory();
        }
        return enrollment == null
                ? new PersonStatus(directory, objectId, "", "", "", Optional.empty(), "", readiness)
                : fromEnrollment(directory, enrollment, readiness);
    }

    private PersonStatus fromProfile(Directory directory, DirectoryProfile profile, Enrollment enrollment,
                                     BooleanSupplier guestsAllowed) {
        Readiness readiness;
        if (enrollment != null && enrollment.state() == Enrollment.State.ENROLLED) {
            readiness = new Readiness.Enrolled();
        } else if (!directory.enabled()) {
            readiness = new Readiness.DirectoryDisabled();
        } else if (eligibility.judge(profile, guestsAllowed) instanceof Eligibility.Verdict.Ineligible ineligible) {
            readiness = new Readiness.NotReady(ineligible.problems());
        } else {
            readiness = new Readiness.Ready();
        }
        return new PersonStatus(directory, normalized(profile.objectId()), profile.displayName(),
                profile.userPrincipalName(), profile.mail(), Optional.ofNullable(enrollment), masked(enrollment), readiness);
    }

    private PersonStatus fromEnrollment(Directory directory, Enrollment enrollment, Readiness readiness) {
        return new PersonStatus(directory, enrollment.objectId(), enrollment.displayName(),
                enrollment.userPrincipalName(), enrollment.mail(), Optional.of(enrollment), masked(enrollment), readiness);
    }

    private String masked(Enrollment enrollment) {
        return enrollment == null ? "" : phoneNumbers.ofE164(enrollment.mobileE164()).masked();
    }

    private Optional<Directory> ownDirectory(Caller caller, UUID directoryId) {
        return directoryId == null ? Optional.empty() : directories.ofOrganization(caller.orgId()).stream()
                .filter(directory -> directory.id().equals(directoryId))
                .findFirst();
    }

    private void record(Caller caller, String action, String subject, Outcome outcome, String detail) {
        audit.append(new AuditEntry(caller.orgId(), caller.objectId(), action, subject, outcome, detail));
    }

    private static String normalized(String objectId) {
        return objectId == null ? "" : objectId.toLowerCase(Locale.ROOT);
    }

    private static boolean isObjectId(String objectId) {
        try {
            return objectId != null && UUID.fromString(objectId).toString().equalsIgnoreCase(objectId);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
