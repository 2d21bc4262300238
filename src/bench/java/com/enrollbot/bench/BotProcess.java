package com.enrollbot.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The bot under test: its own jar in its own JVM with a fixed heap, as production runs it, configured only
 * through environment variables. Its log goes to a file beside the results.
 */
final class BotProcess implements AutoCloseable {

    static final String HEAP = "-Xmx512m";
    /**
     * As README's Deploy section runs the bot, and what the JVM itself picks on a machine with less than 1792 MB:
     * the serial collector keeps ~1 MB of bookkeeping beside the heap where G1 kept ~60 MB, and leaves the heap
     * smaller (same scenarios back to back: peak RSS 855 MB with G1, 771 with the parallel collector, 722 with
     * the serial one, at the same throughput). A {@code --bot-jvm-option -XX:+Use...GC} replaces it.
     */
    static final String GC = "-XX:+UseSerialGC";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final URI baseUrl;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private BotProcess(Process process, URI baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /**
     * Starts the jar with exactly {@code environment} (nothing inherited but PATH, HOME and LANG, so a variable set
     * in the caller's shell cannot change what is measured; MALLOC_ARENA_MAX excepted, to measure other values of
     * it) and waits until it reports healthy.
     */
    static BotProcess start(Path jar, int port, Map<String, String> environment, List<String> extraJvmOptions, Path log)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(HEAP);
        if (extraJvmOptions.stream().noneMatch(option -> option.matches("-XX:\\+Use\\w+GC"))) {
            command.add(GC);
        }
        command.addAll(extraJvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> !List.of("PATH", "HOME", "LANG", "MALLOC_ARENA_MAX").contains(name));
        // As README's Deploy section runs the bot: glibc's per-thread malloc arenas cost ~80 MB of RSS at ~440
        // threads (a shorter run peaked at 834 MB without, 757 MB with 2 arenas, same throughput).
        env.putIfAbsent("MALLOC_ARENA_MAX", "2");
        env.putAll(environment);
        env.put("PORT", Integer.toString(port));
        // The pool figures the benchmark samples; health alone is exposed otherwise.
        env.put("MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE", "health,metrics");
        BotProcess bot = new BotProcess(builder.start(), URI.create("http://127.0.0.1:" + port));
        bot.awaitHealthy(log);
        return bot;
    }

    long pid() {
        return process.pid();
    }

    URI messagesEndpoint() {
        return baseUrl.resolve("/api/messages");
    }

    /** A Micrometer gauge through the actuator, e.g. {@code hikaricp.connections.active}. */
    OptionalDouble metric(String name) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(baseUrl.resolve("/actuator/metrics/" + name)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return OptionalDouble.empty();
            }
            for (JsonNode measurement : JSON.readTree(response.body()).path("measurements")) {
                if ("VALUE".equals(measurement.path("statistic").asText())) {
                    return OptionalDouble.of(measurement.path("value").asDouble());
                }
            }
            return OptionalDouble.empty();
        } catch (IOException e) {
            return OptionalDouble.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalDouble.empty();
        }
    }

    private void awaitHealthy(Path log) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The bot exited with code " + process.exitValue() + " at start; see " + log);
            }
            try {
                HttpResponse<Void> health = http.send(
                        HttpRequest.newBuilder(baseUrl.resolve("/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("The bot did not become healthy within " + START_TIMEOUT.toSeconds() + " s; see " + log);
    }

    /** SIGTERM first, so Spring shuts down cleanly and a flight recording is written; SIGKILL if it hangs. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
