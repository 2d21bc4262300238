package com.enrollbot.cards;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The card templates of {@code adaptive-cards/} on the classpath, parsed once and cached by name.
 */
@Component
public final class CardTemplates {

    static final String FOLDER = "adaptive-cards/";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final ObjectMapper objectMapper;
    private final CardTemplateEngine engine;
    private final Map<String, CardTemplate> cache = new ConcurrentHashMap<>();

    public CardTemplates(ObjectMapper objectMapper) {
        if (objectMapper == null) {
            throw new IllegalArgumentException("objectMapper must not be null");
        }
        this.objectMapper = objectMapper;
        this.engine = new CardTemplateEngine(objectMapper);
    }

    /**
     * Expands template {@code adaptive-cards/<name>.json} with {@code data} (a record, a map or a JsonNode).
     *
     * @throws IllegalArgumentException if there is no template of that name or it is not a valid template
     * @throws CardTemplateException if the data cannot be bound into the template
     */
    public ObjectNode render(String name, Object data) {
        return engine.expand(template(name), data);
    }

    CardTemplate template(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Card template name must be lower-case letters, digits and dashes, got: "
                    + name);
        }
        return cache.computeIfAbsent(name, this::load);
    }

    private CardTemplate load(String name) {
        String resource = FOLDER + name + ".json";
        InputStream in = CardTemplates.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("No card template named '" + name + "': " + resource
                    + " is not on the classpath");
        }
        JsonNode tree;
        try (in) {
            tree = objectMapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read card template " + resource, e);
        }
        try {
            return engine.compile(tree);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Card template " + resource + ": " + e.getMessage(), e);
        }
    }
}
