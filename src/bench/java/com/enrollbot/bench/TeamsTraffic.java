package com.enrollbot.bench;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Activities shaped as Teams posts them to {@code /api/messages}: personal chats of synthetic people of one
 * tenant, each with an Entra object id, replies going to the fake connector's {@code serviceUrl}.
 */
final class TeamsTraffic {

    static final String TENANT_ID = "0b5e0c1a-be9c-4000-8000-000000000001";

    private static final String BOT_ID = "28:enrollbot-bench";

    /** A person in Teams; their personal chat with the bot has a conversation id of its own. */
    record Person(String objectId, String name) {
        String conversationId() {
            return "a:personal-" + objectId;
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong activityIds = new AtomicLong();
    private final String serviceUrl;

    TeamsTraffic(String serviceUrl) {
        this.serviceUrl = serviceUrl;
    }

    /** {@code count} people whose ids derive from {@code population}: the same names give the same people. */
    static List<Person> people(String population, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new Person(
                        UUID.nameUUIDFromBytes((population + "/" + i).getBytes(StandardCharsets.UTF_8)).toString(),
                        "Bench Person " + i))
                .toList();
    }

    byte[] message(Person person, String text) {
        ObjectNode activity = base(person, "message");
        activity.put("text", text).put("textFormat", "plain");
        return bytes(activity);
    }

    /** Action.Execute on a card: Teams sends an {@code adaptiveCard/action} invoke. */
    byte[] execute(Person person, String verb, JsonNode data) {
        ObjectNode activity = base(person, "invoke");
        activity.put("name", "adaptiveCard/action");
        ObjectNode action = activity.putObject("value").put("trigger", "manual").putObject("action");
        action.put("type", "Action.Execute").put("verb", verb).set("data", data);
        return bytes(activity);
    }

    /** A dialog button pressed (Teams asks the bot for the dialog's card). */
    byte[] taskFetch(Person person, JsonNode data) {
        ObjectNode activity = base(person, "invoke");
        activity.put("name", "task/fetch");
        activity.putObject("value").put("type", "task/fetch").set("data", data);
        return bytes(activity);
    }

    /** A dialog submitted: the card's inputs merged into its action data. */
    byte[] taskSubmit(Person person, JsonNode data) {
        ObjectNode activity = base(person, "invoke");
        activity.put("name", "task/submit");
        activity.putObject("value").put("type", "task/submit").set("data", data);
        return bytes(activity);
    }

    ObjectNode object() {
        return json.createObjectNode();
    }

    private ObjectNode base(Person person, String type) {
        ObjectNode activity = json.createObjectNode();
        activity.put("type", type)
                .put("id", "bench-" + activityIds.incrementAndGet())
                .put("timestamp", OffsetDateTime.now().toString())
                .put("channelId", "msteams")
                .put("serviceUrl", serviceUrl)
                .put("locale", "en-US");
        activity.putObject("from").put("id", "29:" + person.objectId()).put("name", person.name())
                .put("aadObjectId", person.objectId());
        activity.putObject("recipient").put("id", BOT_ID).put("name", "Directory Enrollment");
        activity.putObject("conversation").put("id", person.conversationId()).put("conversationType", "personal")
                .put("tenantId", TENANT_ID);
        activity.putObject("channelData").putObject("tenant").put("id", TENANT_ID);
        return activity;
    }

    private byte[] bytes(ObjectNode activity) {
        try {
            return json.writeValueAsBytes(activity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an activity built from a tree always serialises", e);
        }
    }
}
