package com.enrollbot.core.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.enrollbot.core.directory.DirectoryProfile;
import com.enrollbot.core.enrollment.Eligibility.Verdict;
import com.enrollbot.core.enrollment.ProfileProblem.Field;

class EligibilityTest {

    private final Eligibility eligibility = new Eligibility(new PhoneNumbers("SE"));

    private static DirectoryProfile complete() {
        return new DirectoryProfile("9b1d7c2e-0000-4000-8000-000000000001", "Ada Lovelace", "ada@contoso.example",
                "ada@contoso.example", "+46 70 123 45 12", true, "Member");
    }

    private static DirectoryProfile with(Boolean enabled, String userType, String mail, String mobile) {
        DirectoryProfile p = complete();
        return new DirectoryProfile(p.objectId(), p.displayName(), p.userPrincipalName(), mail, mobile, enabled, userType);
    }

    private List<ProfileProblem> problems(DirectoryProfile profile) {
        Verdict verdict = eligibility.judge(profile, false);
        assertThat(verdict).isInstanceOf(Verdict.Ineligible.class);
        return ((Verdict.Ineligible) verdict).problems();
    }

    @Test
    void whenEnabledMemberWithMailAndValidMobileThenEligibleWithTheE164Number() {
        Verdict verdict = eligibility.judge(complete(), false);

        assertThat(verdict).isEqualTo(new Verdict.Eligible(new EligibleProfile("Ada Lovelace", "ada@contoso.example",
                "ada@contoso.example", new MobileNumber("+46701234512", "+46 70 *** ** 12"))));
    }

    @Test
    void whenAccountDisabledThenOnlyTheAccountIsNamedAndTheItAdminCanFixIt() {
        assertThat(problems(with(false, "Member", "ada@contoso.example", "+46 70 123 45 12")))
                .singleElement().satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo(Field.ACCOUNT_ENABLED);
                    assertThat(problem.problem()).contains("disabled");
                    assertThat(problem.whoCanFix()).contains("IT admin");
                });
    }

    @Test
    void whenAccountEnabledIsUnknownThenItIsAProblemNotAPass() {
        assertThat(problems(with(null, "Member", "ada@contoso.example", "+46 70 123 45 12")))
                .extracting(ProfileProblem::field).containsExactly(Field.ACCOUNT_ENABLED);
    }

    @Test
    void whenGuestAndGuestsNotAllowedThenOnlyTheAccountTypeIsNamedAndTheBotAdminsCanFixIt() {
        assertThat(problems(with(true, "Guest", "ada@contoso.example", "+46 70 123 45 12")))
                .singleElement().satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo(Field.USER_TYPE);
                    assertThat(problem.problem()).contains("Guest");
                    assertThat(problem.whoCanFix()).contains("admins of this bot");
                });
    }

    @Test
    void whenGuestAndGuestsAllowedThenEligible() {
        assertThat(eligibility.judge(with(true, "Guest", "ada@contoso.example", "+46 70 123 45 12"), true))
                .isInstanceOf(Verdict.Eligible.class);
    }

    @Test
    void whenUserTypeIsMissingThenTreatedAsAMemberAsEntraDoesForOlderAccounts() {
        assertThat(eligibility.judge(with(true, null, "ada@contoso.example", "+46 70 123 45 12"), false))
                .isInstanceOf(Verdict.Eligible.class);
    }

    @Test
    void whenMailMissingThenOnlyMailIsNamed() {
        assertThat(problems(with(true, "Member", null, "+46 70 123 45 12")))
                .singleElement().satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo(Field.MAIL);
                    assertThat(problem.problem()).contains("empty");
                    assertThat(problem.whoCanFix()).contains("IT admin");
                });
    }

    @Test
    void whenMailIsNotAnAddressThenMailIsNamed() {
        assertThat(problems(with(true, "Member", "ada at contoso", "+46 70 123 45 12")))
                .singleElement().satisfies(problem -> assertThat(problem.problem()).isEqualTo("is not an e-mail address"));
    }

    @Test
    void whenMobileMissingThenOnlyTheMobileIsNamedSayingABusinessPhoneDoesNotCount() {
        assertThat(problems(with(true, "Member", "ada@contoso.example", "")))
                .singleElement().satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo(Field.MOBILE_PHONE);
                    assertThat(problem.problem()).contains("empty").contains("business phone does not count");
                });
    }

    @Test
    void whenMobileInvalidThenTheMobileIsNamedWithWhatIsWrong() {
        assertThat(problems(with(true, "Member", "ada@contoso.example", "+46 70 123 45 12 ext. 9")))
                .singleElement().satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo(Field.MOBILE_PHONE);
                    assertThat(problem.problem()).contains("extension");
                });
    }

    @Test
    void whenEverythingFailsThenEveryFieldIsNamedOnceInProfileOrder() {
        assertThat(problems(with(false, "Guest", "", "not a number")))
                .extracting(ProfileProblem::field)
                .containsExactly(Field.ACCOUNT_ENABLED, Field.USER_TYPE, Field.MAIL, Field.MOBILE_PHONE);
    }

    @Test
    void fingerprintChangesWithWhatTheConfirmationCardShows() {
        EligibleProfile shown = ((Verdict.Eligible) eligibility.judge(complete(), false)).profile();
        EligibleProfile newMobile = ((Verdict.Eligible) eligibility.judge(
                with(true, "Member", "ada@contoso.example", "+46 70 999 45 12"), false)).profile();

        assertThat(shown.fingerprint()).isEqualTo(((Verdict.Eligible) eligibility.judge(complete(), false)).profile().fingerprint())
                .isNotEqualTo(newMobile.fingerprint())
                .doesNotContain("4670");
    }
}
