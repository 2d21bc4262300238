package com.enrollbot.core.enrollment;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Reads the {@code mobilePhone} of an Entra profile as people type it there ({@code +46 70-123 45 12},
 * {@code 0046 70 123 45 12}, {@code (650) 253-0000}) and normalises it to E.164 with libphonenumber. A number
 * without a country code is read as a number of the default region ({@code PHONE_DEFAULT_REGION}).
 */
public final class PhoneNumbers {

    /** Longer than any phone number written with generous punctuation; libphonenumber's own cap is 250. */
    static final int MAX_LENGTH = 40;

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    /** Numbers that ring a switchboard or cost the caller: never a person's own phone for sign-in codes. */
    private static final Set<PhoneNumberType> NOT_PERSONAL = Set.of(
            PhoneNumberType.TOLL_FREE, PhoneNumberType.PREMIUM_RATE, PhoneNumberType.SHARED_COST);

    /** What reading a number gave: a usable mobile number, or what is wrong with the text. */
    public sealed interface Reading {
        record Valid(MobileNumber number) implements Reading { }
        record Missing() implements Reading { }
        record Invalid(String problem) implements Reading {
            public Invalid {
                Objects.requireNonNull(problem, "problem");
            }
        }
    }

    private final String defaultRegion;

    /** @param defaultRegion a region code libphonenumber supports, e.g. {@code US}, {@code SE} */
    public PhoneNumbers(String defaultRegion) {
        Objects.requireNonNull(defaultRegion, "defaultRegion");
        String region = defaultRegion.trim().toUpperCase(Locale.ROOT);
        if (!isSupportedRegion(region)) {
            throw new IllegalArgumentException("'" + defaultRegion + "' is not a region code libphonenumber knows");
        }
        this.defaultRegion = region;
    }

    public static boolean isSupportedRegion(String region) {
        return region != null && UTIL.getSupportedRegions().contains(region.trim().toUpperCase(Locale.ROOT));
    }

    public String defaultRegion() {
        return defaultRegion;
    }

    public Reading read(String text) {
        if (text == null || text.isBlank()) {
            return new Reading.Missing();
        }
        String trimmed = text.strip();
        if (trimmed.length() > MAX_LENGTH) {
            return new Reading.Invalid("is " + trimmed.length() + " characters long, too long to be a phone number");
        }
        PhoneNumber number;
        try {
            number = parse(trimmed);
        } catch (NumberParseException e) {
            return new Reading.Invalid(problemOf(e.getErrorType()));
        }
        if (number.hasExtension() && !number.getExtension().isEmpty()) {
            return new Reading.Invalid("has an extension (" + number.getExtension()
                    + "): a mobile number for sign-in codes cannot have one");
        }
        if (trimmed.codePoints().anyMatch(Character::isLetter)) {
            // libphonenumber reads vanity numbers (1-800-FLOWERS) as digits; no personal mobile is written so.
            return new Reading.Invalid("contains letters: write it with digits only, e.g. +1 650 555 0123");
        }
        if (!UTIL.isValidNumber(number)) {
            return new Reading.Invalid(invalidProblem(number, trimmed));
        }
        if (NOT_PERSONAL.contains(UTIL.getNumberType(number))) {
            return new Reading.Invalid("is a toll-free or premium-rate number, not a personal mobile number");
        }
        String e164 = UTIL.format(number, PhoneNumberFormat.E164);
        return new Reading.Valid(new MobileNumber(e164, mask(UTIL.format(number, PhoneNumberFormat.INTERNATIONAL))));
    }

    /** A stored E.164 number with its mask; a stored number that no longer parses is masked all but its last two digits. */
    public MobileNumber ofE164(String e164) {
        Objects.requireNonNull(e164, "e164");
        try {
            PhoneNumber number = UTIL.parse(e164, "ZZ");
            return new MobileNumber(e164, mask(UTIL.format(number, PhoneNumberFormat.INTERNATIONAL)));
        } catch (NumberParseException | IllegalArgumentException e) {
            String digits = e164.replaceAll("\\D", "");
            return new MobileNumber(e164, "+" + "*".repeat(Math.max(0, digits.length() - 2))
                    + digits.substring(Math.max(0, digits.length() - 2)));
        }
    }

    /**
     * "00" is the international prefix almost everywhere (ITU E.164), but not in every default region (the US
     * dials 011): a number written 0046 ... that is not valid as a national number is read as +46 ... instead.
     */
    private PhoneNumber parse(String text) throws NumberParseException {
        PhoneNumber asWritten = null;
        NumberParseException refusal = null;
        try {
            asWritten = UTIL.parse(text, defaultRegion);
            if (UTIL.isValidNumber(asWritten)) {
                return asWritten;
            }
        } catch (NumberParseException e) {
            refusal = e;
        }
        if (text.startsWith("00")) {
            try {
                PhoneNumber international = UTIL.parse("+" + text.substring(2), defaultRegion);
                if (UTIL.isValidNumber(international) || asWritten == null) {
                    return international;
                }
            } catch (NumberParseException ignored) {
                // not international either: report what the text as written gave
            }
        }
        if (asWritten == null) {
            throw refusal;
        }
        return asWritten;
    }

    /**
     * Keeps the country code, the first group of the national number and the last two digits of an
     * international format such as {@code +46 70 123 45 12}, and hides every other digit:
     * {@code +46 70 *** ** 12}. Separators stay, so the masked number keeps the shape people know.
     */
    static String mask(String international) {
        int countryCodeEnd = international.indexOf(' ');
        if (!international.startsWith("+") || countryCodeEnd < 0) {
            throw new IllegalArgumentException("not an international format");
        }
        int firstGroupEnd = countryCodeEnd + 1;
        while (firstGroupEnd < international.length() && Character.isDigit(international.charAt(firstGroupEnd))) {
            firstGroupEnd++;
        }
        boolean onlyOneGroup = firstGroupEnd >= international.length();
        int keepFrom = onlyOneGroup ? countryCodeEnd + 1 : firstGroupEnd;
        int digitsAfter = (int) international.substring(keepFrom).chars().filter(Character::isDigit).count();
        StringBuilder masked = new StringBuilder(international.substring(0, keepFrom));
        int seen = 0;
        for (char c : international.substring(keepFrom).toCharArray()) {
            if (Character.isDigit(c)) {
                seen++;
                masked.append(seen > digitsAfter - 2 ? c : '*');
            } else {
                masked.append(c);
            }
        }
        return masked.toString();
    }

    private String problemOf(NumberParseException.ErrorType error) {
        return switch (error) {
            case INVALID_COUNTRY_CODE ->
                    "has no valid country code: write it as +<country code> <number>, e.g. +1 650 555 0123";
            case NOT_A_NUMBER -> "is not a phone number";
            case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> "is too short to be a phone number";
            case TOO_LONG -> "is too long to be a phone number";
        };
    }

    private String invalidProblem(PhoneNumber number, String text) {
        String region = UTIL.getRegionCodeForCountryCode(number.getCountryCode());
        boolean international = text.startsWith("+") || text.startsWith("00");
        if (!international) {
            return "is not a valid number in " + regionName(defaultRegion) + " (" + defaultRegion + "); if it is"
                    + " a number of another country, write it with its country code, e.g. +44 7911 123456";
        }
        return "is not a valid number for country code +" + number.getCountryCode()
                + (PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(region) || "ZZ".equals(region)
                ? "" : " (" + regionName(region) + ")");
    }

    private static String regionName(String region) {
        return new Locale("", region).getDisplayCountry(Locale.ENGLISH);
    }
}
