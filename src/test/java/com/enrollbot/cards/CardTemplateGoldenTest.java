package com.enrollbot.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Each folder under cards-golden holds a template, data, and what Microsoft's reference engine
 * (adaptivecards-templating 2.3.1) expands them to; see scripts/regenerate-card-goldens.sh.
 */
class CardTemplateGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/cards-golden");
    // JavaScript has one number type, so the reference writes 2.0 as 2; compare numbers by value.
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> a.isNumber() && b.isNumber()
            ? Double.compare(a.doubleValue(), b.doubleValue()) : a.equals(b) ? 0 : 1;

    private final ObjectMapper mapper = new ObjectMapper();
    private final CardTemplateEngine engine = new CardTemplateEngine(mapper);

    static Stream<String> cases() throws IOException {
        try (Stream<Path> folders = Files.list(GOLDEN)) {
            return folders.filter(Files::isDirectory).map(folder -> folder.getFileName().toString()).sorted()
                    .toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void expandsLikeTheReferenceEngine(String name) throws IOException {
        Path folder = GOLDEN.resolve(name);
        JsonNode template = mapper.readTree(folder.resolve("template.json").toFile());
        JsonNode data = mapper.readTree(folder.resolve("data.json").toFile());
        JsonNode expected = mapper.readTree(folder.resolve("expected.json").toFile());

        JsonNode actual = engine.expand(template, data);

        assertThat(actual.equals(NUMBERS_BY_VALUE, expected))
                .as("expanded %s%nexpected %s%nactual   %s", name, expected.toPrettyString(), actual.toPrettyString())
                .isTrue();
    }
}
