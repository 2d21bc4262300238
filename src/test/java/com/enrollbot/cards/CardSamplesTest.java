package com.enrollbot.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Expands every card template with its sample data into target/cards/, where the build validates the
 * results against the official Adaptive Card schema.
 */
class CardSamplesTest {

    private static final Path TEMPLATES = Path.of("adaptive-cards");
    private static final Path OUTPUT = Path.of("target", "cards");

    private final ObjectMapper mapper = new ObjectMapper();
    private final CardTemplates cardTemplates = new CardTemplates(mapper);

    static Stream<String> templateNames() throws IOException {
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(file -> file.endsWith(".json") && !file.endsWith(".data.json"))
                    .map(file -> file.substring(0, file.length() - ".json".length()))
                    .sorted().toList().stream();
        }
    }

    @Test
    void thereAreTemplatesToCheck() throws IOException {
        assertThat(templateNames()).contains("help", "apology");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templateNames")
    void everyTemplateHasSampleDataAndExpandsCompletely(String name) throws IOException {
        Path sample = TEMPLATES.resolve(name + ".data.json");
        assertThat(sample).as("sample data beside %s.json", name).exists();

        ObjectNode card = cardTemplates.render(name, mapper.readTree(sample.toFile()));

        String json = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(card);
        assertThat(json).as("expanded %s", name).doesNotContain("${");
        Files.createDirectories(OUTPUT);
        Files.writeString(OUTPUT.resolve(name + ".json"), json + "\n");
    }

    @Test
    void sampleDataFilesBelongToATemplate() throws IOException {
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            files.map(file -> file.getFileName().toString()).filter(file -> file.endsWith(".data.json"))
                    .forEach(file -> assertThat(TEMPLATES.resolve(file.replace(".data.json", ".json")))
                            .as("template for %s", file).exists());
        }
    }
}
