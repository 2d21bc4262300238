package com.enrollbot.testing;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.enrollbot.core.directory.Directory;
import com.enrollbot.core.directory.DirectoryAccess;
import com.enrollbot.core.directory.DirectoryStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An admin working the directory dialogs the way Teams sends them: {@code task/fetch} when a dialog button is
 * pressed, {@code task/submit} with the card's inputs merged into its action data, {@code adaptiveCard/action}
 * for the buttons on the directories card. Other features' end-to-end tests register their directories with
 * {@link #register}; the Entra app must exist in {@link FakeEntra} first, or the check fails and nothing is saved.
 */
public final class AdminDialogs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunningBot bot;
    private final TeamsUser admin;

    public AdminDialogs(RunningBot bot, TeamsUser admin) {
        this.bot = bot;
        this.admin = admin;
    }

    /**
     * Registers a directory through the Register dialog and returns it as stored once its connection check has
     * finished (a cold JVM may finish it in the background); fails if the dialog did not close.
     */
    public Directory register(String name, String tenantId, String clientId, String secret) {
        String requestKey = requestKeyOf(dialogCard(openRegistration()));
        JsonNode answer = submitRegistration(requestKey, registration(name, tenantId, clientId, secret));
        if (answer.has("task")) {
            throw new AssertionError("The Register dialog did not close; it answered: " + answer);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            Directory directory = bot.bean(DirectoryAccess.class).forTenant(tenantId)
                    .orElseThrow(() -> new AssertionError("No directory stored for tenant " + tenantId));
            if (directory.status() != DirectoryStatus.UNCHECKED || System.nanoTime() > deadline) {
                return directory;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return directory;
            }
        }
    }

    /** The inputs of a complete registration form. */
    public static Map<String, String> registration(String name, String tenantId, String clientId, String secret) {
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("name", name);
        inputs.put("tenantId", tenantId);
        inputs.put("clientId", clientId);
        inputs.put("secret", secret);
        inputs.put("expiresOn", "");
        return inputs;
    }

    /** Presses "Register a directory": the task/fetch answer. */
    public JsonNode openRegistration() {
        return invoke(admin.taskFetch(json(Map.of("verb", "directories.register", "msteams", Map.of("type", "task/fetch")))));
    }

    public JsonNode submitRegistration(String requestKey, Map<String, String> inputs) {
        Map<String, Object> data = new LinkedHashMap<>(inputs);
        data.put("verb", "directories.save");
        data.put("requestKey", requestKey);
        return invoke(admin.taskSubmit(json(data)));
    }

    /** Presses "Manage" on a directory: the task/fetch answer. */
    public JsonNode openManage(UUID directoryId) {
        return invoke(admin.taskFetch(json(Map.of("verb", "directories.manage", "directoryId", directoryId.toString(),
                "msteams", Map.of("type", "task/fetch")))));
    }

    public JsonNode submitManage(UUID directoryId, long version, Map<String, String> inputs) {
        Map<String, Object> data = new LinkedHashMap<>(inputs);
        data.put("verb", "directories.update");
        data.put("directoryId", directoryId.toString());
        data.put("version", version);
        return invoke(admin.taskSubmit(json(data)));
    }

    /** Presses an Action.Execute button: the adaptiveCard/action answer. */
    public JsonNode execute(String verb, Map<String, Object> data) {
        return invoke(admin.execute(verb, json(data)));
    }

    /** The card of a task/fetch or task/submit answer that keeps a dialog open. */
    public static JsonNode dialogCard(JsonNode taskAnswer) {
        JsonNode card = taskAnswer.path("task").path("value").path("card").path("content");
        if (card.isMissingNode()) {
            throw new AssertionError("Not a dialog: " + taskAnswer);
        }
        return card;
    }

    /** The request key the Register dialog carries in its Save button. */
    public static String requestKeyOf(JsonNode registerCard) {
        for (JsonNode action : registerCard.path("actions")) {
            if ("directories.save".equals(action.path("data").path("verb").asText())) {
                return action.path("data").path("requestKey").asText();
            }
        }
        throw new AssertionError("No Save action on: " + registerCard);
    }

    private JsonNode invoke(ObjectNode activity) {
        HttpResponse<String> response = admin.send(bot, activity);
        if (response.statusCode() != 200) {
            throw new AssertionError("Invoke answered HTTP " + response.statusCode() + ": " + response.body());
        }
        return TeamsUser.json(response.body());
    }

    private static JsonNode json(Map<String, ?> data) {
        return JSON.valueToTree(data);
    }
}
