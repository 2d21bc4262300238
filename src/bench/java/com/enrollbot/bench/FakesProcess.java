package com.enrollbot.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The benchmark's end of {@link BenchFakes}: starts it with this JVM's class path and talks to it over its pipes. */
final class FakesProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final BufferedReader answers;
    private final PrintStream commands;
    private final String graphBaseUrl;
    private final String entraAuthorityHost;

    private FakesProcess(Process process) throws IOException {
        this.process = process;
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        JsonNode urls = next();
        this.graphBaseUrl = urls.path("graph_base_url").asText();
        this.entraAuthorityHost = urls.path("entra_authority_host").asText();
    }

    static FakesProcess start(Path rootPem, String tenantId, String clientId, String secret, String population,
                              int employees, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), BenchFakes.class.getName(),
                rootPem.toString(), tenantId, clientId, secret, population, Integer.toString(employees)));
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        try {
            return new FakesProcess(process);
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    long pid() {
        return process.pid();
    }

    String graphBaseUrl() {
        return graphBaseUrl;
    }

    String entraAuthorityHost() {
        return entraAuthorityHost;
    }

    synchronized void graphLatencyMillis(long millis) throws IOException {
        commands.println("graph-latency " + millis);
        next();
    }

    synchronized long tokenRequests() throws IOException {
        commands.println("stats");
        return next().path("graph_token_requests").asLong();
    }

    private JsonNode next() throws IOException {
        String line = answers.readLine();
        if (line == null) {
            throw new IOException("The Entra/Graph fakes process ended; see fakes.log");
        }
        JsonNode answer = JSON.readTree(line);
        if (answer.has("error")) {
            throw new IOException("The Entra/Graph fakes refused a command: " + answer.path("error").asText());
        }
        return answer;
    }

    /** Closing its stdin ends it; it is killed if it does not end in time. */
    @Override
    public void close() throws InterruptedException {
        commands.close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
