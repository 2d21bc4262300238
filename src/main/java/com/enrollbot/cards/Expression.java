package com.enrollbot.cards;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The subset of Adaptive Expressions our card templates may use, as a parsed tree.
 * {@link #toString()} renders the expression the way the reference engine prints it, because that text
 * becomes visible in a card when an interpolated expression fails.
 */
sealed interface Expression {

    record Constant(JsonNode value) implements Expression {
        @Override
        public String toString() {
            if (value.isTextual()) {
                return "'" + value.textValue().replace("\\", "\\\\").replace("'", "\\'") + "'";
            }
            return value.isNumber() ? JsValues.numberToString(value) : value.toString();
        }
    }

    /** A data path such as {@code user.name}, {@code $root.items[0].x} or {@code o['key']}. */
    record Path(List<Segment> segments) implements Expression {
        public Path {
            segments = List.copyOf(segments);
        }

        boolean endsWithIndex() {
            return !(segments.get(segments.size() - 1) instanceof Name);
        }

        Path withoutLast() {
            return new Path(segments.subList(0, segments.size() - 1));
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder();
            for (Segment segment : segments) {
                if (segment instanceof Name name) {
                    text.append(text.isEmpty() ? "" : ".").append(name.name());
                } else if (segment instanceof Index index) {
                    text.append('[').append(index.index()).append(']');
                } else if (segment instanceof Key key) {
                    text.append("['").append(key.key()).append("']");
                }
            }
            return text.toString();
        }
    }

    sealed interface Segment {
        /** The segment as the reference engine's memory lookup sees it after splitting the path text. */
        String text();
    }

    record Name(String name) implements Segment {
        @Override
        public String text() {
            return name;
        }
    }

    record Index(int index) implements Segment {
        @Override
        public String text() {
            return Integer.toString(index);
        }
    }

    record Key(String key) implements Segment {
        @Override
        public String text() {
            return key;
        }
    }

    record Not(Expression operand) implements Expression {
        @Override
        public String toString() {
            return "!(" + operand + ")";
        }
    }

    enum Comparison {
        EQUAL("=="), NOT_EQUAL("!="), LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">=");

        final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }
    }

    record Compare(Comparison operator, Expression left, Expression right) implements Expression {
        @Override
        public String toString() {
            return "(" + left + " " + operator.symbol + " " + right + ")";
        }
    }

    /** {@code &&} / {@code and()} when {@code all}, otherwise {@code ||} / {@code or()}. */
    record Logic(boolean all, List<Expression> operands) implements Expression {
        public Logic {
            operands = List.copyOf(operands);
        }

        @Override
        public String toString() {
            String operator = all ? "&&" : "||";
            if (operands.size() == 1) {
                // The reference prints a one-operand and()/or() in function form, e.g. "||(x)".
                return operator + "(" + operands.get(0) + ")";
            }
            return operands.stream().map(Object::toString)
                    .collect(Collectors.joining(" " + operator + " ", "(", ")"));
        }
    }

    enum Function {
        EMPTY("empty", 1), EXISTS("exists", 1), COUNT("count", 1), LENGTH("length", 1), IF("if", 3);

        final String functionName;
        final int arity;

        Function(String functionName, int arity) {
            this.functionName = functionName;
            this.arity = arity;
        }
    }

    record Call(Function function, List<Expression> arguments) implements Expression {
        public Call {
            arguments = List.copyOf(arguments);
        }

        @Override
        public String toString() {
            return arguments.stream().map(Object::toString)
                    .collect(Collectors.joining(", ", function.functionName + "(", ")"));
        }
    }
}
