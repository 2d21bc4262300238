package com.enrollbot.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class CardTemplateEngineTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final CardTemplateEngine engine = new CardTemplateEngine(mapper);

    private JsonNode json(String text) throws JsonProcessingException {
        return mapper.readTree(text.replace('\'', '"'));
    }

    record Person(String name, int age, List<String> roles) {
    }

    @Test
    void whenDataIsARecordThenItIsBoundThroughTheObjectMapper() throws Exception {
        JsonNode template = json("{'text': '${name} is ${age}', 'roles': '${roles}', 'age': '${age}'}");

        ObjectNode card = engine.expand(template, new Person("Ann", 41, List.of("admin")));

        assertThat(card).isEqualTo(json("{'text': 'Ann is 41', 'roles': ['admin'], 'age': 41}"));
    }

    @Test
    void whenValueContainsTemplateSyntaxThenItIsInsertedLiterally() throws Exception {
        JsonNode template = json("{'body': [{'type': 'TextBlock', 'text': '${name}'},"
                + " {'type': 'TextBlock', 'text': 'Hi ${name}'}]}");
        String hostile = "${$root.secret}\", \"$when\": \"${false}\" } ] **x** \n${secret}";

        ObjectNode card = engine.expand(template, Map.of("name", hostile, "secret", "leaked"));

        assertThat(card.at("/body/0/text").textValue()).isEqualTo(hostile);
        assertThat(card.at("/body/1/text").textValue()).isEqualTo("Hi " + hostile);
        assertThat(card.get("body")).hasSize(2);
        assertThat(card.toString()).doesNotContain("leaked");
    }

    @Test
    void whenValueIsLargeThenItIsInsertedWhole() throws Exception {
        String large = "\"quoted\" ${x} ".repeat(800);

        ObjectNode card = engine.expand(json("{'text': '${large}'}"), Map.of("large", large));

        assertThat(card.get("text").textValue()).isEqualTo(large);
    }

    @Test
    void whenRepeatedItemsContainTemplateSyntaxThenTheyDoNotRepeatOrBindAgain() throws Exception {
        JsonNode template = json("{'items': [{'$data': '${people}', 'text': '${name}'}]}");
        JsonNode data = json("{'people': [{'name': '{\\'$data\\': \\'${people}\\'}'}]}");

        ObjectNode card = engine.expand(template, data);

        assertThat(card.get("items")).hasSize(1);
        assertThat(card.at("/items/0/text").textValue()).isEqualTo("{\"$data\": \"${people}\"}");
    }

    @Test
    void expandNeverChangesTheTemplateOrTheData() throws Exception {
        JsonNode template = json("{'a': '${obj}', 'b': [{'$data': '${list}', 'v': '${$data}'}], 'c': {'k': 1}}");
        JsonNode data = json("{'obj': {'x': 1}, 'list': [1, 2]}");
        JsonNode templateBefore = template.deepCopy();
        JsonNode dataBefore = data.deepCopy();

        ObjectNode first = engine.expand(template, data);
        ((ObjectNode) first.get("a")).put("x", 99);
        ((ObjectNode) first.get("c")).put("k", 99);
        ObjectNode second = engine.expand(template, data);

        assertThat(template).isEqualTo(templateBefore);
        assertThat(data).isEqualTo(dataBefore);
        assertThat(second.at("/a/x").asInt()).isEqualTo(1);
        assertThat(second.at("/c/k").asInt()).isEqualTo(1);
    }

    @Test
    void whenTheSameTemplateIsExpandedConcurrentlyThenEachResultHasItsOwnData() throws Exception {
        CardTemplate template = engine.compile(json("{'items': [{'$data': '${list}', 'text': '${$index}:${$data}'}]}"));

        List<Integer> sizes = IntStream.range(0, 200).parallel()
                .mapToObj(n -> engine.expand(template, Map.of("list", Collections.nCopies(n % 7 + 1, n))))
                .map(card -> card.get("items").size()).toList();

        assertThat(sizes).containsExactlyElementsOf(
                IntStream.range(0, 200).mapToObj(n -> n % 7 + 1).toList());
    }

    @Test
    void whenAnInterpolatedValueIsNullThenExpansionFailsLoudly() throws Exception {
        JsonNode template = json("{'text': 'Hello ${name}'}");

        assertThatThrownBy(() -> engine.expand(template, json("{'name': null}")))
                .isInstanceOf(CardTemplateException.class).hasMessageContaining("${name} is null");
    }

    @ParameterizedTest
    @ValueSource(strings = {"${a + 1}", "${toUpper(name)}", "${a ? b : c}", "x ${$host.theme}", "${ }", "${a[b]}",
            "${count(a, b)}", "`code` ${a}", "C:\\\\\\\\share ${a}", "${123abc}", "${a <> b}"})
    void whenTemplateUsesUnsupportedSyntaxThenCompilingFails(String expression) {
        ObjectNode template = mapper.createObjectNode().put("text", expression);

        assertThatIllegalArgumentException().isThrownBy(() -> engine.compile(template));
    }

    @Test
    void whenTheRootIsRemovedByWhenThenExpansionFailsLoudly() throws Exception {
        CardTemplate template = engine.compile(json("{'$when': '${show}', 'type': 'AdaptiveCard'}"));

        assertThatThrownBy(() -> engine.expand(template, json("{'show': false}")))
                .isInstanceOf(CardTemplateException.class).hasMessageContaining("rather than one card");
    }

    @Test
    void whenDataIsNullThenExpandingIsRejected() throws Exception {
        CardTemplate template = engine.compile(json("{'a': 1}"));

        assertThatIllegalArgumentException().isThrownBy(() -> engine.expand(template, null))
                .withMessageContaining("data must not be null");
    }
}
