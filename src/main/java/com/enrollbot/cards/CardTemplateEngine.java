package com.enrollbot.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Adaptive Cards Templating for our cards, matching Microsoft's reference engine
 * (adaptivecards-templating 2.3.1) on the features we support. Binding walks the JSON tree, so values
 * from the data are inserted as values and can never change the card's structure.
 */
final class CardTemplateEngine {

    private final ObjectMapper objectMapper;

    CardTemplateEngine(ObjectMapper objectMapper) {
        if (objectMapper == null) {
            throw new IllegalArgumentException("objectMapper must not be null");
        }
        this.objectMapper = objectMapper;
    }

    /**
     * Parses every expression in the template up front.
     *
     * @throws IllegalArgumentException if the template uses anything this engine does not support
     */
    CardTemplate compile(JsonNode template) {
        if (template == null || !template.isObject()) {
            throw new IllegalArgumentException("A card template must be a JSON object, got: " + template);
        }
        return CardTemplate.parse(template);
    }

    /**
     * Expands a compiled template. {@code data} is a {@link JsonNode} or any object Jackson can convert,
     * such as a record; it becomes {@code $root}.
     *
     * @throws CardTemplateException if an expression cannot be evaluated with this data
     */
    ObjectNode expand(CardTemplate template, Object data) {
        if (template == null) {
            throw new IllegalArgumentException("template must not be null");
        }
        if (data == null) {
            throw new IllegalArgumentException("data must not be null; pass an empty object for a card without data");
        }
        JsonNode root = data instanceof JsonNode node ? node : objectMapper.valueToTree(data);
        JsonNode expanded = template.expand(root);
        if (!expanded.isObject()) {
            throw new CardTemplateException("The template expanded to " + expanded.getNodeType()
                    + " rather than one card: check $data and $when on its root");
        }
        return (ObjectNode) expanded;
    }

    ObjectNode expand(JsonNode template, Object data) {
        return expand(compile(template), data);
    }
}
