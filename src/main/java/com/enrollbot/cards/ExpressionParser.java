package com.enrollbot.cards;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.enrollbot.cards.Expression.Call;
import com.enrollbot.cards.Expression.Compare;
import com.enrollbot.cards.Expression.Comparison;
import com.enrollbot.cards.Expression.Constant;
import com.enrollbot.cards.Expression.Function;
import com.enrollbot.cards.Expression.Index;
import com.enrollbot.cards.Expression.Key;
import com.enrollbot.cards.Expression.Logic;
import com.enrollbot.cards.Expression.Name;
import com.enrollbot.cards.Expression.Not;
import com.enrollbot.cards.Expression.Path;
import com.enrollbot.cards.Expression.Segment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Recursive-descent parser for the text between {@code ${} and {@code }}. Precedence follows the
 * Adaptive Expressions grammar, tightest first: {@code !}, then {@code == !=}, then {@code < <= > >=},
 * then {@code &&}, then {@code ||}. Everything outside the supported subset is rejected here, so a
 * template using it fails when it is loaded rather than rendering something odd later.
 */
final class ExpressionParser {

    private static final Map<String, Function> FUNCTIONS = Map.of(
            "empty", Function.EMPTY, "exists", Function.EXISTS, "count", Function.COUNT,
            "length", Function.LENGTH, "if", Function.IF);
    private static final Set<String> ALIASES = Set.of("not", "and", "or", "equals");
    // The reference engine's memory exposes these too, but our engine has no host or version data to offer.
    private static final Set<String> UNSUPPORTED_ROOTS = Set.of("$host", "$_actemplateversion");

    private final String source;
    private int position;

    private ExpressionParser(String source) {
        this.source = source;
    }

    static Expression parse(String source) {
        ExpressionParser parser = new ExpressionParser(source);
        Expression expression = parser.parseOr();
        parser.skipWhitespace();
        if (parser.position < source.length()) {
            throw parser.error("unexpected '" + source.charAt(parser.position) + "'");
        }
        return expression;
    }

    private Expression parseOr() {
        Expression left = parseAnd();
        while (consume("||")) {
            left = new Logic(false, List.of(left, parseAnd()));
        }
        return left;
    }

    private Expression parseAnd() {
        Expression left = parseRelational();
        while (consume("&&")) {
            left = new Logic(true, List.of(left, parseRelational()));
        }
        return left;
    }

    private Expression parseRelational() {
        Expression left = parseEquality();
        while (true) {
            Comparison operator;
            if (consume("<=")) {
                operator = Comparison.LESS_OR_EQUAL;
            } else if (consume(">=")) {
                operator = Comparison.GREATER_OR_EQUAL;
            } else if (peek("<>")) {
                throw error("operator '<>' is not supported, use '!='");
            } else if (consume("<")) {
                operator = Comparison.LESS;
            } else if (consume(">")) {
                operator = Comparison.GREATER;
            } else {
                return left;
            }
            left = new Compare(operator, left, parseEquality());
        }
    }

    private Expression parseEquality() {
        Expression left = parseUnary();
        while (true) {
            Comparison operator;
            if (consume("==")) {
                operator = Comparison.EQUAL;
            } else if (consume("!=")) {
                operator = Comparison.NOT_EQUAL;
            } else {
                return left;
            }
            left = new Compare(operator, left, parseUnary());
        }
    }

    private Expression parseUnary() {
        if (consume("!")) {
            return new Not(parseUnary());
        }
        return parsePrimary();
    }

    private Expression parsePrimary() {
        skipWhitespace();
        if (position >= source.length()) {
            throw error("expression ends too early");
        }
        char next = source.charAt(position);
        if (next == '(') {
            position++;
            Expression inner = parseOr();
            expect(")");
            return inner;
        }
        if (next == '\'' || next == '"') {
            return new Constant(TextNode.valueOf(readString()));
        }
        if (Character.isDigit(next)) {
            return new Constant(readNumber());
        }
        if (isIdentifierStart(next)) {
            String identifier = readIdentifier();
            switch (identifier) {
                case "true": return new Constant(BooleanNode.TRUE);
                case "false": return new Constant(BooleanNode.FALSE);
                case "null": return new Constant(NullNode.getInstance());
                default: break;
            }
            if (consume("(")) {
                return call(identifier, readArguments());
            }
            return readPath(identifier);
        }
        throw error("'" + next + "' is not supported here");
    }

    private Expression call(String name, List<Expression> arguments) {
        if (ALIASES.contains(name)) {
            return alias(name, arguments);
        }
        Function function = FUNCTIONS.get(name);
        if (function == null) {
            throw error("function '" + name + "' is not supported (supported: "
                    + String.join(", ", FUNCTIONS.keySet()) + ", " + String.join(", ", ALIASES) + ")");
        }
        requireArity(name, arguments, function.arity);
        return new Call(function, arguments);
    }

    private Expression alias(String name, List<Expression> arguments) {
        switch (name) {
            case "not":
                requireArity(name, arguments, 1);
                return new Not(arguments.get(0));
            case "equals":
                requireArity(name, arguments, 2);
                return new Compare(Comparison.EQUAL, arguments.get(0), arguments.get(1));
            default:
                if (arguments.isEmpty()) {
                    throw error(name + "() needs at least one argument");
                }
                return new Logic(name.equals("and"), arguments);
        }
    }

    private void requireArity(String name, List<Expression> arguments, int arity) {
        if (arguments.size() != arity) {
            throw error(name + "() takes " + arity + " argument(s), not " + arguments.size());
        }
    }

    private List<Expression> readArguments() {
        List<Expression> arguments = new ArrayList<>();
        if (consume(")")) {
            return arguments;
        }
        do {
            arguments.add(parseOr());
        } while (consume(","));
        expect(")");
        return arguments;
    }

    private Path readPath(String first) {
        if (first.startsWith("$") && UNSUPPORTED_ROOTS.contains(first.toLowerCase(Locale.ROOT))) {
            throw error("'" + first + "' is not supported");
        }
        List<Segment> segments = new ArrayList<>(List.of(new Name(first)));
        while (true) {
            if (consume(".")) {
                skipWhitespace();
                if (position >= source.length() || !isIdentifierStart(source.charAt(position))) {
                    throw error("a property name must follow '.'");
                }
                segments.add(new Name(readIdentifier()));
            } else if (consume("[")) {
                skipWhitespace();
                char next = position < source.length() ? source.charAt(position) : ' ';
                if (Character.isDigit(next)) {
                    segments.add(new Index(Integer.parseInt(readDigits())));
                } else if (next == '\'' || next == '"') {
                    segments.add(new Key(readString()));
                } else {
                    throw error("only a number or a quoted name may appear between [ and ]");
                }
                expect("]");
            } else {
                if (peek("(")) {
                    throw error("'" + first + "' is not a supported function");
                }
                return new Path(segments);
            }
        }
    }

    private String readIdentifier() {
        int start = position;
        position++;
        while (position < source.length() && isIdentifierPart(source.charAt(position))) {
            position++;
        }
        return source.substring(start, position);
    }

    private String readDigits() {
        int start = position;
        while (position < source.length() && Character.isDigit(source.charAt(position))) {
            position++;
        }
        return source.substring(start, position);
    }

    private JsonNode readNumber() {
        String whole = readDigits();
        String number = whole;
        if (position + 1 < source.length() && source.charAt(position) == '.'
                && Character.isDigit(source.charAt(position + 1))) {
            position++;
            number = whole + "." + readDigits();
        }
        if (position < source.length() && isIdentifierPart(source.charAt(position))) {
            throw error("malformed number");
        }
        if (!number.contains(".")) {
            long value = Long.parseLong(whole);
            return value <= Integer.MAX_VALUE ? IntNode.valueOf((int) value)
                    : LongNode.valueOf(value);
        }
        return DoubleNode.valueOf(Double.parseDouble(number));
    }

    private String readString() {
        char quote = source.charAt(position++);
        StringBuilder value = new StringBuilder();
        while (position < source.length()) {
            char c = source.charAt(position++);
            if (c == quote) {
                return value.toString();
            }
            if (c == '\\') {
                if (position >= source.length()) {
                    break;
                }
                char escaped = source.charAt(position++);
                switch (escaped) {
                    case 'n': value.append('\n'); break;
                    case 'r': value.append('\r'); break;
                    case 't': value.append('\t'); break;
                    case '\\': case '\'': case '"': value.append(escaped); break;
                    default: throw error("escape '\\" + escaped + "' is not supported in a string literal");
                }
            } else {
                value.append(c);
            }
        }
        throw error("string literal is not closed");
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '$';
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private boolean consume(String token) {
        if (peek(token)) {
            position += token.length();
            return true;
        }
        return false;
    }

    private boolean peek(String token) {
        skipWhitespace();
        return source.startsWith(token, position);
    }

    private void expect(String token) {
        if (!consume(token)) {
            throw error("expected '" + token + "'");
        }
    }

    private void skipWhitespace() {
        while (position < source.length() && Character.isWhitespace(source.charAt(position))) {
            position++;
        }
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException("Unsupported template expression '${" + source + "}' at column "
                + (position + 1) + ": " + problem + ". Supported: paths, literals, ! == != < <= > >= && || and "
                + Arrays.asList("not", "and", "or", "equals", "empty", "exists", "count", "length", "if") + ".");
    }
}
