package com.enrollbot.core.enrollment;

import java.util.List;
import java.util.Objects;

import com.enrollbot.core.directory.Directory;
import com.enrollbot.core.directory.DirectoryFault;

/** Every way checking or enrolling a person can end. None of them is an error: each gets its own card. */
public sealed interface EnrollmentOutcome {

    /** No directory is registered for the person's Entra tenant (never, or it was deleted). */
    record NoDirectory(List<String> whomToAsk) implements EnrollmentOutcome {
        public NoDirectory {
            whomToAsk = List.copyOf(whomToAsk);
        }
    }

    record DirectoryDisabled(Directory directory, List<String> whomToAsk) implements EnrollmentOutcome {
        public DirectoryDisabled {
            Objects.requireNonNull(directory, "directory");
            whomToAsk = List.copyOf(whomToAsk);
        }
    }

    /** The directory has no user with the caller's object id. */
    record UserNotFound(Directory directory) implements EnrollmentOutcome { }

    /**
     * Entra ID or Graph did not give the profile. If {@link DirectoryFault.Kind#credentialsBroken()}, only an
     * admin can fix it (and was told); otherwise trying again in a minute may work.
     */
    record DirectoryUnavailable(Directory directory, DirectoryFault fault) implements EnrollmentOutcome {
        public boolean credentialsBroken() {
            return fault.kind().credentialsBroken();
        }
    }

    record NotEligible(Directory directory, List<ProfileProblem> problems) implements EnrollmentOutcome {
        public NotEligible {
            problems = List.copyOf(problems);
        }
    }

    /** The profile may enroll: the person confirms what they saw (its {@link EligibleProfile#fingerprint()}). */
    record ReadyToEnroll(Directory directory, EligibleProfile profile) implements EnrollmentOutcome { }

    /** The person confirmed a card that no longer matches their profile: they confirm the current one first. */
    record ProfileChanged(Directory directory, EligibleProfile profile) implements EnrollmentOutcome { }

    record Enrolled(Directory directory, Enrollment enrollment, MobileNumber mobile) implements EnrollmentOutcome { }

    record AlreadyEnrolled(Directory directory, Enrollment enrollment, MobileNumber mobile) implements EnrollmentOutcome { }
}
