package com.enrollbot.core.helpdesk;

import java.util.List;
import java.util.Objects;

import com.enrollbot.core.directory.DirectoryFault;
import com.enrollbot.core.enrollment.ProfileProblem;

/** Whether a person could enroll right now, judged as self-enrollment judges them. */
public sealed interface Readiness {

    /** Enrolled already: there is nothing to enroll. */
    record Enrolled() implements Readiness { }

    /** The profile passes every check: the person can type 'enroll' and finish. */
    record Ready() implements Readiness { }

    /** Each failing field, named as the employee's own card names it. */
    record NotReady(List<ProfileProblem> problems) implements Readiness {
        public NotReady {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("a profile that is not ready has at least one problem");
            }
        }
    }

    /** The organization switched enrollment through this directory off. */
    record DirectoryDisabled() implements Readiness { }

    /** The directory answered, and has no such user (any more): only the stored enrollment is known. */
    record NotInDirectory() implements Readiness { }

    /** The directory did not answer, so the profile could not be judged. */
    record Unknown(DirectoryFault fault) implements Readiness {
        public Unknown {
            Objects.requireNonNull(fault, "fault");
        }
    }
}
