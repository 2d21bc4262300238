package com.enrollbot.core.enrollment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/** A profile that passed {@link Eligibility}: what an enrollment records as its snapshot. */
public record EligibleProfile(String displayName, String userPrincipalName, String mail, MobileNumber mobile) {

    public EligibleProfile {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(userPrincipalName, "userPrincipalName");
        Objects.requireNonNull(mail, "mail");
        Objects.requireNonNull(mobile, "mobile");
    }

    /**
     * Identifies what a confirmation card showed (name, e-mail, mobile) without carrying those values in the
     * card's data, so pressing Enroll on a card older than the profile can be told apart.
     */
    public String fingerprint() {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha256.digest(String.join("\n", displayName, mail, mobile.e164())
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
