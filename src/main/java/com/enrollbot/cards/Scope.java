package com.enrollbot.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;

/**
 * What {@code $root}, {@code $data} and {@code $index} mean at one point of the expansion.
 * {@code index} is null outside a repeated element, which makes {@code ${$index}} unbound there.
 */
record Scope(JsonNode root, JsonNode data, Integer index) {

    static Scope of(JsonNode root) {
        return new Scope(root, root, null);
    }

    Scope withData(JsonNode newData) {
        return new Scope(root, newData, index);
    }

    Scope withItem(JsonNode item, int itemIndex) {
        return new Scope(root, item, itemIndex);
    }

    JsonNode indexNode() {
        return index == null ? null : IntNode.valueOf(index);
    }
}
