package com.enrollbot.cards;

import java.util.ArrayList;
import java.util.List;

import com.enrollbot.cards.ExpressionEvaluator.Outcome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * A template string containing at least one {@code ${...}}. A string that is exactly one non-literal
 * expression yields that expression's typed value; otherwise the pieces are joined into text.
 */
final class TemplatedString {

    private sealed interface Piece {
    }

    private record Text(String text) implements Piece {
    }

    private record Embedded(Expression expression) implements Piece {
    }

    private final String source;
    private final List<Piece> pieces;

    private TemplatedString(String source, List<Piece> pieces) {
        this.source = source;
        this.pieces = List.copyOf(pieces);
    }

    static boolean isTemplated(String text) {
        return text.contains("${");
    }

    /** Parses the string; throws IllegalArgumentException for anything the engine does not support. */
    static TemplatedString parse(String source) {
        if (source.indexOf('`') >= 0) {
            // The reference engine parses the whole string as a back-quoted template, so a back quote breaks it.
            throw new IllegalArgumentException("A template string with ${...} may not contain a back quote (`): " + source);
        }
        List<Piece> pieces = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\\' && i + 1 < source.length()) {
                char escaped = source.charAt(i + 1);
                if (escaped == '\\') {
                    throw new IllegalArgumentException(
                            "A template string with ${...} may not contain a double backslash: " + source);
                }
                // "\$" is the escape for a literal "$"; any other backslash stays as written.
                text.append(escaped == '$' ? "$" : "\\" + escaped);
                i += 2;
                continue;
            }
            if (source.startsWith("${", i)) {
                int end = closingBrace(source, i + 2);
                if (end > i + 2) {
                    String inner = source.substring(i + 2, end);
                    if (inner.isBlank()) {
                        throw new IllegalArgumentException("Empty expression ${ } in template string: " + source);
                    }
                    if (!text.isEmpty()) {
                        pieces.add(new Text(text.toString()));
                        text.setLength(0);
                    }
                    pieces.add(new Embedded(ExpressionParser.parse(inner)));
                    i = end + 1;
                    continue;
                }
            }
            text.append(c);
            i++;
        }
        if (!text.isEmpty()) {
            pieces.add(new Text(text.toString()));
        }
        return new TemplatedString(source, pieces);
    }

    /** The index of the brace closing an expression that starts at {@code from}, or -1 if there is none. */
    private static int closingBrace(String source, int from) {
        int i = from;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '}') {
                return i;
            }
            if (c == '{' || c == '\n' || c == '\r') {
                return -1;
            }
            if (c == '\'' || c == '"') {
                i++;
                while (i < source.length() && source.charAt(i) != c) {
                    i += source.charAt(i) == '\\' ? 2 : 1;
                }
            }
            i++;
        }
        return -1;
    }

    /** The single expression if the whole string is one non-literal expression, else null. */
    Expression wholeExpression() {
        if (pieces.size() == 1 && pieces.get(0) instanceof Embedded embedded
                && !(embedded.expression() instanceof Expression.Constant)) {
            return embedded.expression();
        }
        return null;
    }

    /** The value in a property or array position, with unbound paths left as {@code ${path}} text. */
    JsonNode expandValue(Scope scope) {
        Expression whole = wholeExpression();
        if (whole == null) {
            return TextNode.valueOf(interpolate(scope));
        }
        Outcome outcome = ExpressionEvaluator.evaluate(whole, scope, true);
        if (outcome.failed()) {
            throw new CardTemplateException("Cannot evaluate \"" + source + "\": " + outcome.error());
        }
        return outcome.value();
    }

    /** The value as a {@code $when} condition sees it: no substitution, and failure is simply no value. */
    JsonNode conditionValue(Scope scope) {
        Expression whole = wholeExpression();
        if (whole == null) {
            // Text is never the boolean true, so a mixed string never satisfies $when.
            return null;
        }
        Outcome outcome = ExpressionEvaluator.evaluate(whole, scope, false);
        return outcome.failed() ? null : outcome.value();
    }

    private String interpolate(Scope scope) {
        StringBuilder result = new StringBuilder();
        for (Piece piece : pieces) {
            if (piece instanceof Text text) {
                result.append(text.text());
                continue;
            }
            Expression expression = ((Embedded) piece).expression();
            Outcome outcome = ExpressionEvaluator.evaluate(expression, scope, true);
            if (outcome.failed()) {
                result.append("${").append(expression).append('}');
            } else if (JsValues.isNullish(outcome.value())) {
                // The reference engine crashes here; failing loudly beats printing "null" into a card.
                throw new CardTemplateException("\"" + source + "\": ${" + expression + "} is null, so it cannot be "
                        + "put into text. Give it a value, or put it in a string of its own.");
            } else {
                result.append(JsValues.toDisplayString(outcome.value()));
            }
        }
        return result.toString();
    }
}
