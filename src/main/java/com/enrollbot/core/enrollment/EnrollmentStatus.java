package com.enrollbot.core.enrollment;

import java.util.List;

import com.enrollbot.core.directory.Directory;

/** What an employee's {@code status} shows. */
public sealed interface EnrollmentStatus {

    record NoDirectory(List<String> whomToAsk) implements EnrollmentStatus {
        public NoDirectory {
            whomToAsk = List.copyOf(whomToAsk);
        }
    }

    record NotEnrolled(Directory directory) implements EnrollmentStatus { }

    record Known(Directory directory, Enrollment enrollment, String maskedMobile) implements EnrollmentStatus { }
}
