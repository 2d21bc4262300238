package com.enrollbot.demo.standin;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Parses the {@code $filter} forms Graph accepts on users that the adapter sends:
 * {@code clause (or clause)*}, where a clause is {@code property eq 'literal'} or
 * {@code startswith(property,'literal')}, properties are userPrincipalName, mail or displayName, and a quote
 * inside a literal is written twice. Comparisons are case-insensitive, as in Graph. Anything else is rejected,
 * as Graph rejects it, so a spliced-in {@code ' or 1 eq 1} shows up as a 400 rather than as a match.
 */
public final class UserFilter {

    private static final List<String> PROPERTIES = List.of("userPrincipalName", "mail", "displayName");

    private final String text;
    private int at;

    private UserFilter(String text) {
        this.text = text;
    }

    public static Predicate<Map<String, Object>> parse(String filter) {
        UserFilter parser = new UserFilter(filter);
        Predicate<Map<String, Object>> predicate = parser.clause();
        while (parser.at < filter.length()) {
            parser.expect(" or ");
            predicate = predicate.or(parser.clause());
        }
        return predicate;
    }

    private Predicate<Map<String, Object>> clause() {
        if (text.startsWith("startswith(", at)) {
            at += "startswith(".length();
            String property = property();
            expect(",");
            String prefix = literal().toLowerCase(Locale.ROOT);
            expect(")");
            return user -> user.get(property) instanceof String value
                    && value.toLowerCase(Locale.ROOT).startsWith(prefix);
        }
        String property = property();
        expect(" eq ");
        String expected = literal();
        return user -> user.get(property) instanceof String value && value.equalsIgnoreCase(expected);
    }

    private String property() {
        for (String property : PROPERTIES) {
            if (text.startsWith(property, at)) {
                at += property.length();
                return property;
            }
        }
        throw new IllegalArgumentException("Invalid filter clause: unknown property at position " + at);
    }

    private String literal() {
        expect("'");
        StringBuilder value = new StringBuilder();
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c != '\'') {
                value.append(c);
            } else if (at < text.length() && text.charAt(at) == '\'') {
                value.append('\'');
                at++;
            } else {
                return value.toString();
            }
        }
        throw new IllegalArgumentException("Invalid filter clause: unterminated string literal");
    }

    private void expect(String token) {
        if (!text.startsWith(Objects.requireNonNull(token), at)) {
            throw new IllegalArgumentException("Invalid filter clause: expected '" + token + "' at position " + at);
        }
        at += token.length();
    }
}
