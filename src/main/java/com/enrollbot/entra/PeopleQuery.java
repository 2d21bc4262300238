package com.enrollbot.entra;

import java.util.Optional;

/**
 * What a person typed into a people search, made safe for an OData {@code $filter} string literal.
 * Text that no user attribute can hold (control characters, longer than Graph's 256-character attribute
 * limit, blank) matches nobody, so it is never sent to Graph at all.
 */
record PeopleQuery(String text) {

    static final int MAX_LENGTH = 256;

    static Optional<PeopleQuery> of(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String text = typed.strip();
        if (text.isEmpty() || text.length() > MAX_LENGTH || text.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.empty();
        }
        return Optional.of(new PeopleQuery(text));
    }

    /** UPNs and mail addresses always contain '@': without one, an exact match cannot succeed. */
    boolean couldBeUpnOrMail() {
        return text.indexOf('@') > 0;
    }

    String exactUpnOrMailFilter() {
        String literal = literal();
        return "userPrincipalName eq " + literal + " or mail eq " + literal;
    }

    String displayNamePrefixFilter() {
        return "startswith(displayName," + literal() + ")";
    }

    /** OData ABNF: inside a string literal a single quote is written twice; URL encoding is Kiota's job. */
    private String literal() {
        return "'" + text.replace("'", "''") + "'";
    }
}
