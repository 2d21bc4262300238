package com.enrollbot.core.enrollment;

import java.util.Objects;

/**
 * One reason a profile cannot enroll: which field, what is wrong with it, and who can fix it. The employee
 * cannot edit their Entra profile themselves, so {@code whoCanFix} always names someone else.
 */
public record ProfileProblem(Field field, String problem, String whoCanFix) {

    /** The profile fields enrollment judges, with the name Entra ID shows for each. */
    public enum Field {
        ACCOUNT_ENABLED("Account status", "accountEnabled"),
        USER_TYPE("Account type", "userType"),
        MAIL("E-mail", "mail"),
        MOBILE_PHONE("Mobile phone", "mobilePhone");

        private final String label;
        private final String graphName;

        Field(String label, String graphName) {
            this.label = label;
            this.graphName = graphName;
        }

        public String label() {
            return label;
        }

        public String graphName() {
            return graphName;
        }
    }

    public ProfileProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(whoCanFix, "whoCanFix");
    }
}
