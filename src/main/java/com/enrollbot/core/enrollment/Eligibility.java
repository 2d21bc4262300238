package com.enrollbot.core.enrollment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

import com.enrollbot.core.directory.DirectoryProfile;
import com.enrollbot.core.enrollment.ProfileProblem.Field;

/**
 * Decides whether an Entra profile may enroll: account enabled, a member (guests only where the organization
 * allows them), an e-mail address and a valid mobile number. It names every failing field at once, so the
 * employee asks their IT admin once, not once per field.
 */
public final class Eligibility {

    static final String IT_ADMIN = "Your IT admin, in Microsoft Entra ID (the profile's Contact information)";
    static final String IT_ADMIN_ACCOUNT = "Your IT admin, in Microsoft Entra ID";
    static final String BOT_ADMINS = "Your organization's admins of this bot (they can allow guest accounts)";

    /** What judging a profile gave. */
    public sealed interface Verdict {
        record Eligible(EligibleProfile profile) implements Verdict { }
        record Ineligible(List<ProfileProblem> problems) implements Verdict {
            public Ineligible {
                problems = List.copyOf(problems);
                if (problems.isEmpty()) {
                    throw new IllegalArgumentException("an ineligible profile has at least one problem");
                }
            }
        }
    }

    private final PhoneNumbers phoneNumbers;

    public Eligibility(PhoneNumbers phoneNumbers) {
        this.phoneNumbers = Objects.requireNonNull(phoneNumbers, "phoneNumbers");
    }

    public Verdict judge(DirectoryProfile profile, boolean guestsAllowed) {
        return judge(profile, () -> guestsAllowed);
    }

    /** As {@link #judge(DirectoryProfile, boolean)}, asking whether guests may enroll only when the profile is a guest's. */
    public Verdict judge(DirectoryProfile profile, BooleanSupplier guestsAllowed) {
        Objects.requireNonNull(profile, "profile");
        List<ProfileProblem> problems = new ArrayList<>();
        if (!Boolean.TRUE.equals(profile.accountEnabled())) {
            problems.add(new ProfileProblem(Field.ACCOUNT_ENABLED, profile.accountEnabled() == null
                    ? "could not be read: the directory did not say whether the account is enabled"
                    : "the account is disabled (sign-in blocked)", IT_ADMIN_ACCOUNT));
        }
        if ("guest".equalsIgnoreCase(blankToEmpty(profile.userType())) && !guestsAllowed.getAsBoolean()) {
            problems.add(new ProfileProblem(Field.USER_TYPE,
                    "is Guest: your organization enrolls members only", BOT_ADMINS));
        }
        String mail = blankToEmpty(profile.mail());
        if (mail.isEmpty()) {
            problems.add(new ProfileProblem(Field.MAIL, "is empty: the account has no e-mail address", IT_ADMIN));
        } else if (!looksLikeMail(mail)) {
            problems.add(new ProfileProblem(Field.MAIL, "is not an e-mail address", IT_ADMIN));
        }
        PhoneNumbers.Reading mobile = phoneNumbers.read(profile.mobilePhone());
        if (mobile instanceof PhoneNumbers.Reading.Missing) {
            problems.add(new ProfileProblem(Field.MOBILE_PHONE, "is empty: a mobile number is needed for sign-in codes"
                    + " (a business phone does not count)", IT_ADMIN));
        } else if (mobile instanceof PhoneNumbers.Reading.Invalid invalid) {
            problems.add(new ProfileProblem(Field.MOBILE_PHONE, invalid.problem(), IT_ADMIN));
        }
        if (!problems.isEmpty()) {
            return new Verdict.Ineligible(problems);
        }
        MobileNumber number = ((PhoneNumbers.Reading.Valid) mobile).number();
        return new Verdict.Eligible(new EligibleProfile(blankToEmpty(profile.displayName()),
                blankToEmpty(profile.userPrincipalName()), mail, number));
    }

    private static boolean looksLikeMail(String mail) {
        int at = mail.indexOf('@');
        return at > 0 && at == mail.lastIndexOf('@') && at < mail.length() - 1 && mail.chars().noneMatch(Character::isWhitespace);
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}
