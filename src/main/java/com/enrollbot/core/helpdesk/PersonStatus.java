package com.enrollbot.core.helpdesk;

import java.util.Objects;
import java.util.Optional;

import com.enrollbot.core.directory.Directory;
import com.enrollbot.core.enrollment.Enrollment;

/**
 * What the helpdesk sees of one person of one directory: who they are (from the directory when it answered,
 * else from the enrollment's snapshot), their enrollment if they ever enrolled, its masked mobile number, and
 * whether they could enroll now. Names may be empty, never null.
 */
public record PersonStatus(Directory directory, String objectId, String displayName, String userPrincipalName,
                           String mail, Optional<Enrollment> enrollment, String maskedMobile, Readiness readiness) {

    public PersonStatus {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(enrollment, "enrollment");
        Objects.requireNonNull(readiness, "readiness");
        displayName = displayName == null ? "" : displayName;
        userPrincipalName = userPrincipalName == null ? "" : userPrincipalName;
        mail = mail == null ? "" : mail;
        maskedMobile = maskedMobile == null ? "" : maskedMobile;
    }
}
