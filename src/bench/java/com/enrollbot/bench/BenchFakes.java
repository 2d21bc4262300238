package com.enrollbot.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import com.enrollbot.testing.FakeEntra;
import com.enrollbot.testing.FakeGraph;
import com.enrollbot.testing.FakeUser;
import com.enrollbot.testing.TestTls;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The benchmark's Entra ID and Graph: the tests' HTTPS fakes in a process of their own, so they neither share
 * the bot's JVM nor count as load generator CPU. One directory app is registered and the synthetic employees
 * are Graph users with complete profiles. The benchmark drives it over stdin and stdout, one JSON line per
 * answer; the end of stdin (the benchmark ended, however) ends this process.
 * <pre>
 *   graph-latency MS   → {"ok":true}
 *   stats              → {"graph_token_requests":N,"graph_requests":N}
 * </pre>
 */
public final class BenchFakes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchFakes() {
    }

    /** Arguments: root PEM file to write, tenant id, client id, secret, population name, employees. */
    public static void main(String[] args) throws Exception {
        Path rootPem = Path.of(args[0]);
        String tenantId = args[1];
        String clientId = args[2];
        String secret = args[3];
        String population = args[4];
        int employees = Integer.parseInt(args[5]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

        TestTls tls = new TestTls();
        Files.writeString(rootPem, tls.rootCertificatePem());
        try (FakeEntra entra = new FakeEntra(tls).start(); FakeGraph graph = new FakeGraph(tls, entra).start()) {
            entra.registerApp(tenantId, clientId, secret);
            for (TeamsTraffic.Person person : TeamsTraffic.people(population, employees)) {
                graph.putUser(userOf(person));
            }
            answer(out, Map.of("graph_base_url", graph.baseUrl(), "entra_authority_host", entra.baseUrl()));
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] command = line.trim().split("\\s+");
                switch (command[0]) {
                    case "graph-latency" -> {
                        graph.delay(Duration.ofMillis(Long.parseLong(command[1])));
                        answer(out, Map.of("ok", true));
                    }
                    case "stats" -> answer(out, Map.of(
                            "graph_token_requests", entra.tokenRequests(),
                            "graph_requests", graph.requests().size()));
                    default -> answer(out, Map.of("error", "unknown command: " + line));
                }
            }
        }
    }

    /** Enabled members with an e-mail address and a valid mobile number: eligible to enroll. */
    private static FakeUser userOf(TeamsTraffic.Person person) {
        String login = person.name().toLowerCase(Locale.ROOT).replace(' ', '.') + "@bench.example";
        int serial = Math.floorMod(person.objectId().hashCode(), 10_000);
        return new FakeUser(person.objectId(), person.name(), login, login,
                String.format(Locale.ROOT, "+1 425 555 %04d", serial), true, "Member");
    }

    private static void answer(PrintStream out, Map<String, Object> answer) throws Exception {
        out.println(JSON.writeValueAsString(answer));
    }
}
