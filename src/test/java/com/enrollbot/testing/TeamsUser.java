package com.enrollbot.testing;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A person in Teams talking to the bot in their personal chat: it builds activities shaped as Teams sends them
 * (ids, tenant, aadObjectId, serviceUrl of the fake connector) and posts them to a running bot.
 */
public final class TeamsUser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong SEQUENCE = new AtomicLong();

    public static final String BOT_ID = "28:bot-app-id";

    private final String tenantId;
    private final String objectId;
    private final String name;
    private final String conversationId;
    private final FakeConnector connector;
    private Map<String, String> headers = Map.of();

    public TeamsUser(String tenantId, String objectId, String name, FakeConnector connector) {
        this(tenantId, objectId, name, connector, "a:personal-" + objectId);
    }

    private TeamsUser(String tenantId, String objectId, String name, FakeConnector connector, String conversationId) {
        this.tenantId = tenantId;
        this.objectId = objectId;
        this.name = name;
        this.connector = connector;
        this.conversationId = conversationId;
    }

    /** The same person in another personal chat with the bot (Teams gives a new one, e.g. after a reinstall). */
    public TeamsUser inNewChat() {
        return new TeamsUser(tenantId, objectId, name, connector, "a:personal-" + SEQUENCE.incrementAndGet() + "-" + objectId)
                .withHeaders(headers);
    }

    public static TeamsUser random(String tenantId, String name, FakeConnector connector) {
        return new TeamsUser(tenantId, UUID.randomUUID().toString(), name, connector);
    }

    public TeamsUser withHeaders(Map<String, String> headers) {
        this.headers = Map.copyOf(headers);
        return this;
    }

    public String objectId() {
        return objectId;
    }

    public String tenantId() {
        return tenantId;
    }

    public String conversationId() {
        return conversationId;
    }

    public ObjectNode message(String text) {
        ObjectNode activity = base("message");
        activity.put("text", text).put("textFormat", "plain");
        return activity;
    }

    /** Action.Submit: Teams sends a message whose value is the card's data. */
    public ObjectNode submit(String replyToId, JsonNode data) {
        ObjectNode activity = base("message");
        activity.put("replyToId", replyToId);
        activity.set("value", data);
        return activity;
    }

    /** Action.Execute: an adaptiveCard/action invoke. */
    public ObjectNode execute(String verb, JsonNode data) {
        ObjectNode activity = base("invoke");
        activity.put("name", "adaptiveCard/action");
        ObjectNode action = activity.putObject("value").put("trigger", "manual").putObject("action");
        action.put("type", "Action.Execute").put("verb", verb).set("data", data);
        return activity;
    }

    public ObjectNode taskFetch(JsonNode data) {
        ObjectNode activity = base("invoke");
        activity.put("name", "task/fetch");
        activity.putObject("value").put("type", "task/fetch").set("data", data);
        return activity;
    }

    public ObjectNode taskSubmit(JsonNode data) {
        ObjectNode activity = base("invoke");
        activity.put("name", "task/submit");
        activity.putObject("value").put("type", "task/submit").set("data", data);
        return activity;
    }

    /** The bot was added to this personal chat (the app was installed). */
    public ObjectNode botAdded() {
        ObjectNode activity = base("conversationUpdate");
        activity.putArray("membersAdded").addObject().put("id", BOT_ID);
        return activity;
    }

    public HttpResponse<String> send(RunningBot bot, JsonNode activity) {
        return bot.post("/api/messages", activity.toString(), headers);
    }

    public ObjectNode base(String type) {
        ObjectNode activity = JSON.createObjectNode();
        activity.put("type", type)
                .put("id", "act-" + SEQUENCE.incrementAndGet())
                .put("timestamp", OffsetDateTime.now().toString())
                .put("channelId", "msteams")
                .put("serviceUrl", connector.serviceUrl())
                .put("locale", "en-US");
        activity.putObject("from").put("id", "29:" + objectId).put("name", name).put("aadObjectId", objectId);
        activity.putObject("recipient").put("id", BOT_ID).put("name", "Directory Enrollment");
        activity.putObject("conversation").put("id", conversationId).put("conversationType", "personal").put("tenantId", tenantId);
        activity.putObject("channelData").putObject("tenant").put("id", tenantId);
        return activity;
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException("Not JSON: " + text, e);
        }
    }
}
