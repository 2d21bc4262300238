package com.enrollbot.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class CardTemplatesTest {

    private final CardTemplates cardTemplates = new CardTemplates(new ObjectMapper());

    @Test
    void renderLoadsTheTemplateFromTheAdaptiveCardsFolderOnTheClasspath() {
        ObjectNode card = cardTemplates.render("apology", Map.of("correlationId", "abc-123"));

        assertThat(card.get("version").asText()).isEqualTo("1.5");
        assertThat(card.at("/body/1/text").asText()).isEqualTo("Reference: abc-123");
    }

    @Test
    void renderWhenUnknownNameThenThrowsNamingTheMissingResource() {
        assertThatIllegalArgumentException().isThrownBy(() -> cardTemplates.render("no-such-card", Map.of()))
                .withMessageContaining("no-such-card").withMessageContaining("adaptive-cards/no-such-card.json");
    }

    @Test
    void renderWhenNameIsAPathThenThrows() {
        assertThatIllegalArgumentException().isThrownBy(() -> cardTemplates.render("../application", Map.of()))
                .withMessageContaining("lower-case letters");
    }

    @Test
    void templatesAreParsedOnceAndCached() {
        assertThat(cardTemplates.template("help")).isSameAs(cardTemplates.template("help"));
    }
}
