package com.enrollbot.cards;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * JavaScript value semantics that the reference engine (adaptivecards-templating, on Adaptive
 * Expressions for JavaScript) applies to data, so that our output matches it. A Java {@code null}
 * stands for JavaScript {@code undefined}; a {@code NullNode} for {@code null}.
 */
final class JsValues {

    private JsValues() {
    }

    static boolean isNullish(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode();
    }

    /** Adaptive Expressions' truth: booleans are themselves, null is false, anything else (even 0 or "") is true. */
    static boolean isLogicTrue(JsonNode value) {
        if (isNullish(value)) {
            return false;
        }
        return !value.isBoolean() || value.booleanValue();
    }

    /** JavaScript truthiness, used only for a {@code $when} that is a literal rather than an expression. */
    static boolean isTruthy(JsonNode value) {
        if (isNullish(value)) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.doubleValue() != 0;
        }
        return !value.isTextual() || !value.textValue().isEmpty();
    }

    static boolean commonEquals(JsonNode left, JsonNode right) {
        if (isNullish(left) || isNullish(right)) {
            return isNullish(left) && isNullish(right);
        }
        if (left.isNumber() && right.isNumber()) {
            return Math.abs(left.doubleValue() - right.doubleValue()) < Math.ulp(1.0);
        }
        return left.equals((a, b) -> a.isNumber() && b.isNumber()
                ? Double.compare(a.doubleValue(), b.doubleValue()) : a.equals(b) ? 0 : 1, right);
    }

    /** What JavaScript's {@code toString()} gives, which is how the reference engine interpolates. */
    static String toDisplayString(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isNumber()) {
            return numberToString(value);
        }
        if (value.isBoolean()) {
            return Boolean.toString(value.booleanValue());
        }
        if (value.isArray()) {
            StringBuilder joined = new StringBuilder();
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                joined.append(i == 0 ? "" : ",").append(isNullish(item) ? "" : toDisplayString(item));
            }
            return joined.toString();
        }
        return "[object Object]";
    }

    static String numberToString(JsonNode number) {
        if (number.isIntegralNumber()) {
            return number.bigIntegerValue().toString();
        }
        double value = number.doubleValue();
        double magnitude = Math.abs(value);
        if (value == Math.rint(value) && magnitude < 1e21) {
            return BigDecimal.valueOf(value).toBigInteger().toString();
        }
        if (magnitude >= 1e21 || magnitude < 1e-6) {
            String scientific = Double.toString(value).toLowerCase(Locale.ROOT).replace(".0e", "e");
            return scientific.contains("e-") ? scientific : scientific.replace("e", "e+");
        }
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    /** JavaScript property access as the reference engine does it: case-insensitive, first match wins. */
    static JsonNode property(JsonNode instance, String name) {
        if (!isTruthy(instance)) {
            return null;
        }
        String wanted = name.toLowerCase(Locale.ROOT);
        if (instance.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = instance.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().toLowerCase(Locale.ROOT).equals(wanted)) {
                    return field.getValue();
                }
            }
            return null;
        }
        if (instance.isArray() || instance.isTextual()) {
            return arrayLikeKey(instance, wanted);
        }
        return null;
    }

    private static JsonNode arrayLikeKey(JsonNode instance, String key) {
        int length = instance.isArray() ? instance.size() : instance.textValue().length();
        for (int i = 0; i < length; i++) {
            if (Integer.toString(i).equals(key)) {
                return instance.isArray() ? instance.get(i)
                        : TextNode.valueOf(instance.textValue().substring(i, i + 1));
            }
        }
        return null;
    }

    /** JavaScript's {@code parseInt}: the leading integer of the text, if there is one. */
    static Optional<Integer> parseLeadingInt(String text) {
        String trimmed = text.strip();
        int end = 0;
        if (end < trimmed.length() && (trimmed.charAt(end) == '-' || trimmed.charAt(end) == '+')) {
            end++;
        }
        int digitsStart = end;
        while (end < trimmed.length() && Character.isDigit(trimmed.charAt(end)) && end - digitsStart < 9) {
            end++;
        }
        return end == digitsStart ? Optional.empty() : Optional.of(Integer.parseInt(trimmed.substring(0, end)));
    }
}
