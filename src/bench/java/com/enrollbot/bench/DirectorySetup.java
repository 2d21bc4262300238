package com.enrollbot.bench;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Registers the benchmark's directory the way an admin does in Teams: opens the Register dialog, submits it, and
 * waits for the bot's connection check against the fakes to finish. Everything the runs measure then goes
 * through a directory the bot itself checked and stored.
 */
final class DirectorySetup {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(60);

    private DirectorySetup() {
    }

    static void register(HttpConnection bot, TeamsTraffic traffic, TeamsTraffic.Person admin, BenchDatabase database,
                         String tenantId, String clientId, String secret) throws IOException, SQLException, InterruptedException {
        ObjectNode open = JSON.createObjectNode().put("verb", "directories.register");
        open.putObject("msteams").put("type", "task/fetch");
        JsonNode dialog = invoke(bot, traffic.taskFetch(admin, open));
        String requestKey = null;
        for (JsonNode action : dialog.path("task").path("value").path("card").path("content").path("actions")) {
            if ("directories.save".equals(action.path("data").path("verb").asText())) {
                requestKey = action.path("data").path("requestKey").asText();
            }
        }
        if (requestKey == null) {
            throw new IllegalStateException("The Register dialog has no Save button: " + dialog);
        }
        ObjectNode form = JSON.createObjectNode()
                .put("name", "Bench directory").put("tenantId", tenantId).put("clientId", clientId)
                .put("secret", secret).put("expiresOn", "")
                .put("verb", "directories.save").put("requestKey", requestKey);
        JsonNode saved = invoke(bot, traffic.taskSubmit(admin, form));
        if (saved.has("task")) {
            throw new IllegalStateException("The Register dialog did not close: " + saved);
        }
        long deadline = System.nanoTime() + CHECK_TIMEOUT.toNanos();
        for (Optional<String> status = database.directoryStatus(tenantId); ; status = database.directoryStatus(tenantId)) {
            if (status.filter("connected"::equals).isPresent()) {
                return;
            }
            if (status.filter("failing"::equals).isPresent() || System.nanoTime() > deadline) {
                throw new IllegalStateException("The bot's connection check of the benchmark directory did not pass ("
                        + status.orElse("not stored") + "); see bot.log and fakes.log");
            }
            Thread.sleep(100);
        }
    }

    private static JsonNode invoke(HttpConnection bot, byte[] activity) throws IOException {
        HttpConnection.Response response = bot.postJson(activity);
        if (response.status() != 200) {
            throw new IllegalStateException("The bot answered HTTP " + response.status() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
