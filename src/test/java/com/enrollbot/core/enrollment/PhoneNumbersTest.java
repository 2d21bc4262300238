package com.enrollbot.core.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.enrollbot.core.enrollment.PhoneNumbers.Reading;

class PhoneNumbersTest {

    private final PhoneNumbers us = new PhoneNumbers("US");
    private final PhoneNumbers sweden = new PhoneNumbers("SE");

    private static MobileNumber valid(Reading reading) {
        assertThat(reading).isInstanceOf(Reading.Valid.class);
        return ((Reading.Valid) reading).number();
    }

    private static String problem(Reading reading) {
        assertThat(reading).isInstanceOf(Reading.Invalid.class);
        return ((Reading.Invalid) reading).problem();
    }

    @Nested
    class RealShapes {

        @ParameterizedTest(name = "\"{0}\" is {1}")
        @CsvSource(delimiter = '|', value = {
                "+46 70 123 45 12      | +46701234512",
                "+46 (0)70-123 45 12   | +46701234512",
                "+46701234512          | +46701234512",
                "0046 70 123 45 12     | +46701234512",
                "0046-70-123-45-12     | +46701234512",
                "+1 650-253-0000       | +16502530000",
                "(650) 253-0000        | +16502530000",
                "650.253.0000          | +16502530000",
                "1 650 253 0000        | +16502530000",
                "011 46 70 123 45 12   | +46701234512",
                "+44 7911 123456       | +447911123456",
                "'  +49 1512 3456789 ' | +4915123456789",
        })
        void whenWrittenAsPeopleWriteThemThenTheE164FormIsFound(String text, String e164) {
            assertThat(valid(us.read(text)).e164()).isEqualTo(e164);
        }

        @Test
        void whenNationalFormatThenItIsReadInTheDefaultRegion() {
            assertThat(valid(sweden.read("070-123 45 12")).e164()).isEqualTo("+46701234512");
            assertThat(valid(us.read("650 253 0000")).e164()).isEqualTo("+16502530000");
        }

        @Test
        void whenNationalFormatOfAnotherRegionThenItIsNotValidAndTheProblemSaysToAddTheCountryCode() {
            assertThat(problem(us.read("070-123 45 12")))
                    .contains("not a valid number in United States (US)").contains("country code");
        }
    }

    @Nested
    class Refusals {

        @ParameterizedTest
        @ValueSource(strings = {"", "   ", "\t"})
        void whenEmptyOrBlankThenMissing(String text) {
            assertThat(us.read(text)).isEqualTo(new Reading.Missing());
        }

        @Test
        void whenNullThenMissing() {
            assertThat(us.read(null)).isEqualTo(new Reading.Missing());
        }

        @Test
        void whenItHasAnExtensionThenInvalidNamingTheExtension() {
            assertThat(problem(us.read("+1 650-253-0000 ext. 123"))).contains("extension (123)");
            assertThat(problem(us.read("+1 650 253 0000 x45"))).contains("extension (45)");
        }

        @Test
        void whenItHasLettersThenInvalid() {
            assertThat(problem(us.read("call my desk"))).isEqualTo("is not a phone number");
            assertThat(problem(us.read("+1 650 CALL ME0"))).contains("contains letters");
            assertThat(problem(us.read("n/a"))).isEqualTo("is not a phone number");
        }

        @Test
        void whenTwoHundredCharactersThenTooLongWithoutParsing() {
            assertThat(problem(us.read("+46 70 123 45 12 ".repeat(12).substring(0, 200))))
                    .isEqualTo("is 200 characters long, too long to be a phone number");
        }

        @Test
        void whenTooShortThenInvalid() {
            assertThat(problem(us.read("+46 7"))).contains("too short");
            assertThat(problem(us.read("12"))).isNotBlank();
        }

        @Test
        void whenCountryCodeDoesNotExistThenInvalid() {
            assertThat(problem(us.read("+999 123 456 789"))).contains("country code");
        }

        @Test
        void whenTheNumberDoesNotExistInItsCountryThenInvalidNamingTheCountry() {
            assertThat(problem(us.read("+46 12"))).isNotBlank();
            assertThat(problem(us.read("+1 123 456 7890"))).contains("+1");
        }

        @Test
        void whenTollFreeThenInvalid() {
            assertThat(problem(us.read("+1 800 253 0000"))).contains("toll-free");
        }
    }

    @Nested
    class Masking {

        @ParameterizedTest(name = "{0} is shown as {1}")
        @CsvSource(delimiter = '|', value = {
                "+46 70 123 45 12 | +46 70 *** ** 12",
                "+1 650-253-0000  | +1 650-***-**00",
                "+44 7911 123456  | +44 7911 ****56",
                "+49 1512 3456789 | +49 1512 *****89",
        })
        void whenValidThenCountryCodeFirstGroupAndLastTwoDigitsStay(String text, String masked) {
            assertThat(valid(us.read(text)).masked()).isEqualTo(masked);
        }

        @Test
        void whenOnlyOneGroupFollowsTheCountryCodeThenAllButTheLastTwoDigitsAreHidden() {
            assertThat(PhoneNumbers.mask("+47 41234567")).isEqualTo("+47 ******67");
        }

        @Test
        void whenReadFromAStoredE164ThenMaskedTheSameWay() {
            assertThat(us.ofE164("+46701234512")).isEqualTo(new MobileNumber("+46701234512", "+46 70 *** ** 12"));
        }

        @Test
        void maskedNumberNeverShowsTheHiddenDigits() {
            MobileNumber number = valid(us.read("+46 70 987 65 12"));
            assertThat(number.masked()).doesNotContain("987").doesNotContain("65");
            assertThat(number.toString()).doesNotContain("+46709876512");
        }
    }

    @Nested
    class DefaultRegion {

        @Test
        void whenRegionIsLowerCaseOrPaddedThenItIsAccepted() {
            assertThat(new PhoneNumbers(" se ").defaultRegion()).isEqualTo("SE");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "XX", "USA", "ZZ", "001"})
        void whenRegionIsUnknownThenRefused(String region) {
            assertThatIllegalArgumentException().isThrownBy(() -> new PhoneNumbers(region))
                    .withMessageContaining("not a region code");
        }
    }
}
