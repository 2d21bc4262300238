package com.enrollbot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes the runs as {@code results.json} (the schema in README.md, "Benchmark") and as the table printed at the end. */
final class Report {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Report() {
    }

    /** Rewritten after every run, so an interrupted benchmark still leaves what it measured. */
    static void writeJson(Path file, List<RunResult> runs, Map<String, Object> correctness) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode array = root.putArray("runs");
        runs.forEach(run -> array.add(json(run)
                .put("journeys_per_floor_turn", journeysPerFloorTurn(run, runs))
                .put("journeys_per_floor_journey", journeysPerFloorJourney(run, runs))));
        root.set("correctness", JSON.valueToTree(correctness));
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(partial.toFile(), root);
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * A saturated rush's journeys/s over the saturated floor's message turns/s at the same connector latency: the
     * issue asks for at least 0.5 at 0 ms. Null for other runs, or when the floor did not run.
     */
    private static Double journeysPerFloorTurn(RunResult rush, List<RunResult> runs) {
        if (rush.journeysPerS() == null || !rush.mode().equals(RunResult.SATURATION)) {
            return null;
        }
        Double messages = floorRate(runs, FloorWorkloads.MESSAGE, rush.connectorLatencyMs());
        return messages == null ? null : Math.round(rush.journeysPerS() / messages * 100) / 100.0;
    }

    /**
     * The same over the floor counted in journeys: one floor message turn and one floor invoke, the shape of an
     * enrollment journey with no work in it, 1 / (1 / message turns per s + 1 / invokes per s).
     */
    private static Double journeysPerFloorJourney(RunResult rush, List<RunResult> runs) {
        if (rush.journeysPerS() == null || !rush.mode().equals(RunResult.SATURATION)) {
            return null;
        }
        Double messages = floorRate(runs, FloorWorkloads.MESSAGE, rush.connectorLatencyMs());
        Double invokes = floorRate(runs, FloorWorkloads.INVOKE, rush.connectorLatencyMs());
        if (messages == null || invokes == null) {
            return null;
        }
        return Math.round(rush.journeysPerS() * (1 / messages + 1 / invokes) * 100) / 100.0;
    }

    private static Double floorRate(List<RunResult> runs, String kind, long connectorLatencyMs) {
        return runs.stream()
                .filter(floor -> floor.scenario().equals(BenchOptions.FLOOR) && floor.kind().equals(kind)
                        && floor.mode().equals(RunResult.SATURATION) && floor.connectorLatencyMs() == connectorLatencyMs)
                .findFirst()
                .map(RunResult::requestsPerS)
                .orElse(null);
    }

    /** One line per saturated rush: its ratios to the floor of the same connector latency. */
    static String ratios(List<RunResult> runs) {
        StringBuilder lines = new StringBuilder();
        for (RunResult run : runs) {
            Double perTurn = journeysPerFloorTurn(run, runs);
            Double perJourney = journeysPerFloorJourney(run, runs);
            if (perTurn != null && perJourney != null) {
                lines.append(String.format(Locale.ROOT, "bench: rush at connector %d ms: %.2f journeys per floor message"
                        + " turn, %.2f per floor journey (message + invoke); issue 7 asks for at least 0.5 at 0 ms%n",
                        run.connectorLatencyMs(), perTurn, perJourney));
            }
        }
        return lines.toString();
    }

    private static ObjectNode json(RunResult run) {
        ObjectNode node = JSON.createObjectNode();
        node.put("scenario", run.scenario());
        node.put("kind", run.kind());
        node.put("connector_latency_ms", run.connectorLatencyMs());
        node.put("graph_latency_ms", run.graphLatencyMs());
        node.put("mode", run.mode());
        node.put("target_rps", run.targetRps());
        node.put("concurrency", run.concurrency());
        node.put("duration_s", run.durationS());
        node.put("requests", run.requests());
        node.put("requests_per_s", round1(run.requestsPerS()));
        node.put("journeys_per_s", run.journeysPerS() == null ? null : round1(run.journeysPerS()));
        node.put("p50_ms", run.overall().p50());
        node.put("p95_ms", run.overall().p95());
        node.put("p99_ms", run.overall().p99());
        node.put("max_ms", run.overall().max());
        node.put("errors", run.errors());
        node.put("invokes_over_5s", run.invokesOver5s());
        node.put("bot_cpu_ms_per_request", round3(run.botCpuMsPerRequest()));
        node.put("db_cpu_ms_per_request", round3(run.dbCpuMsPerRequest()));
        node.put("peak_rss_mb", round1(run.peakRssMb()));
        node.put("bot_threads_peak", run.botThreadsPeak());
        node.put("connector_connections_opened", run.connectorConnectionsOpened());
        node.put("connector_requests", run.connectorRequests());
        node.put("graph_token_requests", run.graphTokenRequests());
        node.put("db_connections_in_use", run.dbConnectionsInUse());
        node.put("db_connections_pending", run.dbConnectionsPending());
        node.put("load_generator_cpu_pct", round1(run.loadGeneratorCpuPct()));
        node.put("fakes_cpu_pct", round1(run.fakesCpuPct()));
        ObjectNode kinds = node.putObject("latency_by_kind");
        run.latencyByKind().forEach((kind, summary) -> kinds.putObject(kind)
                .put("requests", summary.requests())
                .put("errors", summary.errors())
                .put("p50_ms", summary.p50())
                .put("p95_ms", summary.p95())
                .put("p99_ms", summary.p99())
                .put("max_ms", summary.max()));
        ArrayNode samples = node.putArray("error_samples");
        run.errorSamples().forEach(samples::add);
        if (!run.rssTimeline().isEmpty()) {
            ArrayNode timeline = node.putArray("rss_mb_over_time");
            run.rssTimeline().forEach(point -> timeline.addArray().add(Math.round(point[0])).add(round1(point[1])));
        }
        return node;
    }

    static String table(List<RunResult> runs) {
        StringBuilder out = new StringBuilder();
        String format = "%-20s %5s %5s %-10s %6s %8s %7s %7s %7s %7s %7s %6s %8s %7s %6s %5s %4s %6s%n";
        out.append(String.format(Locale.ROOT, format, "scenario/kind", "conn", "graph", "mode", "target", "req/s", "jrny/s",
                "p50", "p95", "p99", "max", "errors", "cpu/req", "rss", "conns", "tokens", "db", "lg cpu"));
        out.append(String.format(Locale.ROOT, format, "", "ms", "ms", "", "rps", "", "", "ms", "ms", "ms", "ms", "",
                "ms", "MB", "opened", "", "max", "%"));
        for (RunResult run : runs) {
            out.append(String.format(Locale.ROOT, format,
                    run.scenario() + "/" + run.kind(),
                    run.connectorLatencyMs(),
                    run.graphLatencyMs(),
                    run.mode().equals(RunResult.SATURATION) ? "sat/" + run.concurrency() : run.mode(),
                    run.targetRps() == null ? "-" : run.targetRps().toString(),
                    fixed(run.requestsPerS(), 0),
                    run.journeysPerS() == null ? "-" : fixed(run.journeysPerS(), 0),
                    fixed(run.overall().p50(), 1), fixed(run.overall().p95(), 1), fixed(run.overall().p99(), 1),
                    fixed(run.overall().max(), 0),
                    run.errors(),
                    fixed(run.botCpuMsPerRequest(), 3),
                    fixed(run.peakRssMb(), 0),
                    run.connectorConnectionsOpened(),
                    run.graphTokenRequests(),
                    run.dbConnectionsInUse(),
                    fixed(run.loadGeneratorCpuPct(), 0)));
        }
        return out.toString();
    }

    private static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static double round3(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
