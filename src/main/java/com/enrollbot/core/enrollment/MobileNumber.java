package com.enrollbot.core.enrollment;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A mobile phone number that passed {@link PhoneNumbers}: its E.164 form (what is stored and used) and a
 * masked form that is safe to show on a card or to helpdesk staff.
 */
public record MobileNumber(String e164, String masked) {

    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{1,14}");

    public MobileNumber {
        Objects.requireNonNull(e164, "e164");
        Objects.requireNonNull(masked, "masked");
        if (!E164.matcher(e164).matches()) {
            throw new IllegalArgumentException("not an E.164 number");
        }
    }

    @Override
    public String toString() {
        return "MobileNumber[" + masked + "]";
    }
}
