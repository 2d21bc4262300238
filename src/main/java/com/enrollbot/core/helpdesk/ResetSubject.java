package com.enrollbot.core.helpdesk;

import java.util.Objects;

import com.enrollbot.core.directory.Directory;
import com.enrollbot.core.enrollment.Enrollment;

/** The enrollment a reset card is about, as stored; never another organization's. */
public record ResetSubject(Directory directory, Enrollment enrollment, String maskedMobile) {

    public ResetSubject {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(enrollment, "enrollment");
        Objects.requireNonNull(maskedMobile, "maskedMobile");
    }
}
