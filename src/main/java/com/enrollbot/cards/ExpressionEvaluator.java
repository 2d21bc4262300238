package com.enrollbot.cards;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.enrollbot.cards.Expression.Call;
import com.enrollbot.cards.Expression.Compare;
import com.enrollbot.cards.Expression.Constant;
import com.enrollbot.cards.Expression.Index;
import com.enrollbot.cards.Expression.Key;
import com.enrollbot.cards.Expression.Logic;
import com.enrollbot.cards.Expression.Not;
import com.enrollbot.cards.Expression.Path;
import com.enrollbot.cards.Expression.Segment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Evaluates expressions with the reference engine's rules. "Substitution" is its handling of unbound paths
 * in values: an unbound path evaluates to the text {@code ${path}}; {@code $when}, and the operands of
 * comparisons, {@code !}, {@code &&}, {@code ||} and the condition of {@code if()}, evaluate without it.
 */
final class ExpressionEvaluator {

    /** A value (null meaning undefined) or the reason evaluation failed. */
    record Outcome(JsonNode value, String error) {
        static Outcome of(JsonNode value) {
            return new Outcome(value, null);
        }

        static Outcome failure(String error) {
            return new Outcome(null, error);
        }

        boolean failed() {
            return error != null;
        }
    }

    private ExpressionEvaluator() {
    }

    static Outcome evaluate(Expression expression, Scope scope, boolean substitute) {
        if (expression instanceof Constant constant) {
            return Outcome.of(constant.value());
        }
        if (expression instanceof Path path) {
            return path(path, scope, substitute);
        }
        if (expression instanceof Not not) {
            Outcome operand = evaluate(not.operand(), scope, false);
            return Outcome.of(BooleanNode.valueOf(operand.failed() || !JsValues.isLogicTrue(operand.value())));
        }
        if (expression instanceof Logic logic) {
            return Outcome.of(BooleanNode.valueOf(logic(logic, scope)));
        }
        if (expression instanceof Compare compare) {
            return compare(compare, scope);
        }
        return call((Call) expression, scope, substitute);
    }

    private static Outcome path(Path path, Scope scope, boolean substitute) {
        if (path.endsWithIndex()) {
            // An indexer on top is evaluated on its own, and its result is never substituted.
            Outcome instance = path(path.withoutLast(), scope, substitute);
            if (instance.failed()) {
                return instance;
            }
            Segment last = path.segments().get(path.segments().size() - 1);
            if (last instanceof Index index) {
                return elementAt(instance.value(), index.index());
            }
            return Outcome.of(JsValues.property(instance.value(), ((Key) last).key()));
        }
        JsonNode value = lookup(path.segments(), scope);
        if (value == null && substitute) {
            return Outcome.of(TextNode.valueOf("${" + path + "}"));
        }
        return Outcome.of(value);
    }

    private static Outcome elementAt(JsonNode instance, int index) {
        if (JsValues.isNullish(instance)) {
            return Outcome.of(null);
        }
        if (!instance.isArray()) {
            return Outcome.failure(JsValues.toDisplayString(instance) + " is not a collection.");
        }
        if (index >= instance.size()) {
            return Outcome.failure(index + " is out of range for " + JsValues.toDisplayString(instance));
        }
        return Outcome.of(instance.get(index));
    }

    private static JsonNode lookup(List<Segment> segments, Scope scope) {
        String first = segments.get(0).text();
        JsonNode current;
        int next = 1;
        switch (first.toLowerCase(Locale.ROOT)) {
            case "$root" -> current = scope.root();
            case "$data" -> current = scope.data();
            case "$index" -> current = scope.indexNode();
            default -> {
                if (first.startsWith("$")) {
                    return null;
                }
                current = scope.data();
                next = 0;
            }
        }
        for (int i = next; i < segments.size(); i++) {
            String key = segments.get(i).text();
            Optional<Integer> index = JsValues.parseLeadingInt(key);
            if (index.isPresent() && current != null && current.isArray()) {
                int position = index.get();
                current = position >= 0 && position < current.size() ? current.get(position) : null;
            } else {
                current = JsValues.property(current, key);
            }
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    private static boolean logic(Logic logic, Scope scope) {
        for (Expression operand : logic.operands()) {
            Outcome outcome = evaluate(operand, scope, false);
            boolean isTrue = !outcome.failed() && JsValues.isLogicTrue(outcome.value());
            if (logic.all() && !isTrue) {
                return false;
            }
            if (!logic.all() && isTrue) {
                return true;
            }
        }
        return logic.all();
    }

    private static Outcome compare(Compare compare, Scope scope) {
        Outcome left = evaluate(compare.left(), scope, false);
        Outcome right = left.failed() ? left : evaluate(compare.right(), scope, false);
        boolean ordering = compare.operator() != Expression.Comparison.EQUAL
                && compare.operator() != Expression.Comparison.NOT_EQUAL;
        if (left.failed() || right.failed()
                || ordering && (JsValues.isNullish(left.value()) || JsValues.isNullish(right.value()))) {
            return Outcome.of(BooleanNode.FALSE);
        }
        JsonNode a = left.value();
        JsonNode b = right.value();
        if (!ordering) {
            boolean equal = JsValues.commonEquals(a, b);
            return Outcome.of(BooleanNode.valueOf(compare.operator() == Expression.Comparison.EQUAL ? equal : !equal));
        }
        int order;
        if (a.isNumber() && b.isNumber()) {
            order = Double.compare(a.doubleValue(), b.doubleValue());
        } else if (a.isTextual() && b.isTextual()) {
            order = a.textValue().compareTo(b.textValue());
        } else {
            return Outcome.failure(JsValues.toDisplayString(a) + " and " + JsValues.toDisplayString(b)
                    + " must be comparable.");
        }
        boolean result = switch (compare.operator()) {
            case LESS -> order < 0;
            case LESS_OR_EQUAL -> order <= 0;
            case GREATER -> order > 0;
            default -> order >= 0;
        };
        return Outcome.of(BooleanNode.valueOf(result));
    }

    private static Outcome call(Call call, Scope scope, boolean substitute) {
        List<Expression> arguments = call.arguments();
        switch (call.function()) {
            case EMPTY -> {
                Outcome operand = evaluate(arguments.get(0), scope, false);
                JsonNode value = operand.value();
                if (operand.failed() || !JsValues.isNullish(value) && value.isValueNode() && !value.isTextual()) {
                    return Outcome.of(BooleanNode.FALSE);
                }
                boolean empty = JsValues.isNullish(value) || (value.isTextual() ? value.textValue().isEmpty() : value.isEmpty());
                return Outcome.of(BooleanNode.valueOf(empty));
            }
            case EXISTS -> {
                Outcome operand = evaluate(arguments.get(0), scope, false);
                return Outcome.of(BooleanNode.valueOf(!operand.failed() && !JsValues.isNullish(operand.value())));
            }
            case COUNT -> {
                Outcome operand = evaluate(arguments.get(0), scope, substitute);
                if (operand.failed()) {
                    return operand;
                }
                JsonNode value = operand.value();
                if (JsValues.isNullish(value) || value.isValueNode() && !value.isTextual()) {
                    return Outcome.failure(call.arguments().get(0) + " must be a string, list, map or object.");
                }
                return Outcome.of(IntNode.valueOf(value.isTextual() ? value.textValue().length() : value.size()));
            }
            case LENGTH -> {
                Outcome operand = evaluate(arguments.get(0), scope, substitute);
                if (operand.failed()) {
                    return operand;
                }
                JsonNode value = operand.value();
                if (value == null) {
                    return Outcome.of(IntNode.valueOf(0));
                }
                if (!value.isTextual()) {
                    return Outcome.failure(call.arguments().get(0) + " is neither a string nor a null object.");
                }
                return Outcome.of(IntNode.valueOf(value.textValue().length()));
            }
            default -> {
                Outcome condition = evaluate(arguments.get(0), scope, false);
                boolean chooseFirst = !condition.failed() && JsValues.isLogicTrue(condition.value());
                return evaluate(arguments.get(chooseFirst ? 1 : 2), scope, substitute);
            }
        }
    }
}
