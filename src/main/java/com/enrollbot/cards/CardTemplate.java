package com.enrollbot.cards;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A parsed, immutable card template; safe to cache and to expand from many threads at once.
 * Expansion builds a new tree: data values are copied in as values and never parsed again, so nothing in
 * the data can add, remove or re-bind parts of the card.
 */
final class CardTemplate {

    private static final Set<String> RESERVED = Set.of("$data", "$when", "$root", "$index", "$host", "$_acTemplateVersion");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Expansion of one template node; a Java null result means "no value", which drops an object property. */
    private sealed interface Node {
        JsonNode expand(Scope scope);
    }

    private record Literal(JsonNode value) implements Node {
        @Override
        public JsonNode expand(Scope scope) {
            return value.deepCopy();
        }
    }

    private record Templated(TemplatedString text) implements Node {
        @Override
        public JsonNode expand(Scope scope) {
            JsonNode value = text.expandValue(scope);
            return value == null ? null : value.deepCopy();
        }
    }

    private record ArrayTemplate(List<Node> items) implements Node {
        @Override
        public JsonNode expand(Scope scope) {
            ArrayNode result = NODES.arrayNode();
            for (Node item : items) {
                JsonNode expanded = item.expand(scope);
                // As in the reference engine: nulls (including removed elements) vanish, arrays are spliced in.
                if (expanded == null) {
                    result.addNull();
                } else if (expanded.isArray()) {
                    result.addAll((ArrayNode) expanded);
                } else if (!expanded.isNull()) {
                    result.add(expanded);
                }
            }
            return result;
        }
    }

    private record ObjectTemplate(Map<String, Node> properties, Condition when, DataBinding data) implements Node {
        @Override
        public JsonNode expand(Scope scope) {
            List<ObjectNode> copies = new ArrayList<>();
            if (data == null) {
                addIfWanted(scope, copies);
            } else {
                JsonNode bound = data.value(scope);
                if (bound != null && bound.isArray()) {
                    for (int i = 0; i < bound.size(); i++) {
                        addIfWanted(scope.withItem(bound.get(i), i), copies);
                    }
                } else {
                    addIfWanted(bound == null ? scope : scope.withData(bound), copies);
                }
            }
            if (copies.isEmpty()) {
                return NullNode.getInstance();
            }
            if (copies.size() == 1) {
                return copies.get(0);
            }
            return NODES.arrayNode().addAll(copies);
        }

        private void addIfWanted(Scope scope, List<ObjectNode> copies) {
            if (when != null && !when.holds(scope)) {
                return;
            }
            ObjectNode copy = NODES.objectNode();
            properties.forEach((name, node) -> {
                JsonNode value = node.expand(scope);
                if (value != null) {
                    copy.set(name, value);
                }
            });
            copies.add(copy);
        }
    }

    /** {@code $when}: an expression must yield exactly true; a literal keeps the element only if falsy. */
    private record Condition(TemplatedString expression, boolean literalKeeps) {
        boolean holds(Scope scope) {
            if (expression == null) {
                return literalKeeps;
            }
            JsonNode value = expression.conditionValue(scope);
            return value != null && value.isBoolean() && value.booleanValue();
        }
    }

    /** {@code $data}: either an expression, or literal JSON used as the data itself. */
    private record DataBinding(TemplatedString expression, JsonNode literal) {
        JsonNode value(Scope scope) {
            return expression == null ? literal : expression.expandValue(scope);
        }
    }

    private final Node root;

    private CardTemplate(Node root) {
        this.root = root;
    }

    static CardTemplate parse(JsonNode template) {
        return new CardTemplate(compile(template));
    }

    /** Expands with the given data as {@code $root}; the result belongs to the caller. */
    JsonNode expand(JsonNode data) {
        return root.expand(Scope.of(data));
    }

    private static Node compile(JsonNode node) {
        if (node.isTextual() && TemplatedString.isTemplated(node.textValue())) {
            return new Templated(TemplatedString.parse(node.textValue()));
        }
        if (node.isArray()) {
            List<Node> items = new ArrayList<>();
            node.forEach(item -> items.add(compile(item)));
            return new ArrayTemplate(List.copyOf(items));
        }
        if (node.isObject()) {
            return compileObject(node);
        }
        return new Literal(node);
    }

    private static Node compileObject(JsonNode node) {
        Map<String, Node> properties = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!RESERVED.contains(field.getKey())) {
                properties.put(field.getKey(), compile(field.getValue()));
            }
        }
        return new ObjectTemplate(Collections.unmodifiableMap(properties),
                condition(node.get("$when")), dataBinding(node.get("$data")));
    }

    private static Condition condition(JsonNode when) {
        if (when == null) {
            return null;
        }
        if (when.isTextual() && TemplatedString.isTemplated(when.textValue())) {
            return new Condition(TemplatedString.parse(when.textValue()), false);
        }
        // The reference engine drops an element whose $when is a truthy non-expression such as "true".
        return new Condition(null, !JsValues.isTruthy(when));
    }

    private static DataBinding dataBinding(JsonNode data) {
        if (data == null) {
            return null;
        }
        if (data.isTextual() && TemplatedString.isTemplated(data.textValue())) {
            return new DataBinding(TemplatedString.parse(data.textValue()), null);
        }
        if (containsTemplate(data)) {
            throw new IllegalArgumentException("Literal $data may not contain ${...} expressions: " + data);
        }
        return new DataBinding(null, data);
    }

    private static boolean containsTemplate(JsonNode node) {
        if (node.isTextual()) {
            return TemplatedString.isTemplated(node.textValue());
        }
        for (JsonNode child : node) {
            if (containsTemplate(child)) {
                return true;
            }
        }
        return false;
    }
}
