package com.enrollbot.core.enrollment;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.enrollbot.core.access.Caller;
import com.enrollbot.core.audit.AuditEntry;
import com.enrollbot.core.directory.Directory;
import com.enrollbot.core.directory.DirectoryAccess;
import com.enrollbot.core.directory.DirectoryFault;
import com.enrollbot.core.directory.DirectoryGateway;
import com.enrollbot.core.directory.DirectoryGateway.ProfileLookup;
import com.enrollbot.core.enrollment.EnrollmentOutcome.AlreadyEnrolled;
import com.enrollbot.core.enrollment.EnrollmentOutcome.DirectoryDisabled;
import com.enrollbot.core.enrollment.EnrollmentOutcome.DirectoryUnavailable;
import com.enrollbot.core.enrollment.EnrollmentOutcome.Enrolled;
import com.enrollbot.core.enrollment.EnrollmentOutcome.NoDirectory;
import com.enrollbot.core.enrollment.EnrollmentOutcome.NotEligible;
import com.enrollbot.core.enrollment.EnrollmentOutcome.ProfileChanged;
import com.enrollbot.core.enrollment.EnrollmentOutcome.ReadyToEnroll;
import com.enrollbot.core.enrollment.EnrollmentOutcome.UserNotFound;

/**
 * An employee's self-enrollment: find the directory of their own Entra tenant, read their profile from it,
 * judge it, and record the enrollment.
 * <p>
 * The person is always the {@link Caller} of the authenticated activity, never someone named in card data.
 * No database connection is held while Graph is asked: the store is read before and written after, each in
 * its own short transaction, and nothing is written unless the whole check succeeded.
 */
public final class EnrollmentService {

    private final DirectoryAccess directories;
    private final DirectoryGateway gateway;
    private final EnrollmentStore store;
    private final OrganizationSettings settings;
    private final Eligibility eligibility;
    private final PhoneNumbers phoneNumbers;
    private final AdminAlerts alerts;

    public EnrollmentService(DirectoryAccess directories, DirectoryGateway gateway, EnrollmentStore store,
                             OrganizationSettings settings, PhoneNumbers phoneNumbers, AdminAlerts alerts) {
        this.directories = Objects.requireNonNull(directories, "directories");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.phoneNumbers = Objects.requireNonNull(phoneNumbers, "phoneNumbers");
        this.eligibility = new Eligibility(phoneNumbers);
        this.alerts = Objects.requireNonNull(alerts, "alerts");
    }

    /** Whether the caller may enroll now; an enrolled caller is told so without asking the directory. */
    public EnrollmentOutcome check(Caller caller, Duration budget) {
        return run(caller, budget, null, false);
    }

    /**
     * Enrolls the caller if their profile still matches the confirmation card they pressed Enroll on
     * ({@code shownFingerprint}); otherwise they see their current profile, or what is now missing, first.
     */
    public EnrollmentOutcome enroll(Caller caller, String shownFingerprint, Duration budget) {
        return run(caller, budget, shownFingerprint == null ? "" : shownFingerprint, true);
    }

    public EnrollmentStatus status(Caller caller) {
        Objects.requireNonNull(caller, "caller");
        Optional<Directory> directory = directories.forTenant(caller.orgId());
        if (directory.isEmpty()) {
            return new EnrollmentStatus.NoDirectory(alerts.whomToAsk(caller.orgId()));
        }
        return store.find(directory.get().id(), caller.objectId())
                .<EnrollmentStatus>map(found -> new EnrollmentStatus.Known(directory.get(), found,
                        phoneNumbers.ofE164(found.mobileE164()).masked()))
                .orElseGet(() -> new EnrollmentStatus.NotEnrolled(directory.get()));
    }

    private EnrollmentOutcome run(Caller caller, Duration budget, String shownFingerprint, boolean enroll) {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(budget, "budget");
        Optional<Directory> registered = directories.forTenant(caller.orgId());
        if (registered.isEmpty()) {
            alerts.raise(caller.orgId(), "enrollment.no-directory", "Someone in your organization tried to enroll in"
                    + " multi-factor authentication, but no Entra ID directory is connected for your tenant yet."
                    + " Connect it in this chat: type 'directories'.");
            return new NoDirectory(alerts.whomToAsk(caller.orgId()));
        }
        Directory directory = registered.get();
        if (!directory.enabled()) {
            alerts.raise(directory.orgId(), "enrollment.directory-disabled:" + directory.id(), "Someone in your"
                    + " organization tried to enroll, but the directory '" + directory.displayName() + "' is disabled."
                    + " Enable it (type 'directories') when employees may enroll again.");
            return new DirectoryDisabled(directory, alerts.whomToAsk(directory.orgId()));
        }
        Optional<Enrollment> existing = store.find(directory.id(), caller.objectId());
        if (existing.isPresent() && existing.get().state() == Enrollment.State.ENROLLED) {
            return alreadyEnrolled(directory, existing.get());
        }
        if (!isObjectId(caller.objectId())) {
            return new UserNotFound(directory);
        }
        ProfileLookup lookup = gateway.readProfile(directories.credentialsOf(directory), caller.objectId(), budget);
        if (lookup instanceof ProfileLookup.NotFound) {
            return new UserNotFound(directory);
        }
        if (lookup instanceof ProfileLookup.Failed failed) {
            return unavailable(directory, failed.fault());
        }
        // The organization's guest setting is read only for a guest's profile: members cost no statement for it.
        Eligibility.Verdict verdict = eligibility.judge(((ProfileLookup.Found) lookup).profile(),
                () -> settings.guestsAllowed(directory.orgId()));
        if (verdict instanceof Eligibility.Verdict.Ineligible ineligible) {
            return new NotEligible(directory, ineligible.problems());
        }
        EligibleProfile profile = ((Eligibility.Verdict.Eligible) verdict).profile();
        if (!enroll) {
            return new ReadyToEnroll(directory, profile);
        }
        if (!profile.fingerprint().equals(shownFingerprint)) {
            return new ProfileChanged(directory, profile);
        }
        boolean returning = existing.isPresent();
        EnrollmentStore.Write write = store.enroll(new EnrollmentStore.NewEnrollment(directory.orgId(), directory.id(),
                caller.objectId(), profile, caller.objectId(),
                returning ? "enrolled again in Teams" : "self-enrolled in Teams",
                new AuditEntry(directory.orgId(), caller.objectId(), "enrollment.enroll", caller.objectId(),
                        AuditEntry.Outcome.SUCCEEDED, "through directory " + directory.id())));
        if (write instanceof EnrollmentStore.Write.AlreadyEnrolled already) {
            return alreadyEnrolled(directory, already.enrollment());
        }
        return new Enrolled(directory, write.enrollment(), profile.mobile());
    }

    private AlreadyEnrolled alreadyEnrolled(Directory directory, Enrollment enrollment) {
        return new AlreadyEnrolled(directory, enrollment, phoneNumbers.ofE164(enrollment.mobileE164()));
    }

    private DirectoryUnavailable unavailable(Directory directory, DirectoryFault fault) {
        alerts.credentialsBroken(directory, fault);
        return new DirectoryUnavailable(directory, fault);
    }

    private static boolean isObjectId(String objectId) {
        try {
            UUID.fromString(objectId);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
