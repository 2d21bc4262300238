package com.enrollbot.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ch.qos.logback.classic.Level;
import org.slf4j.LoggerFactory;

/**
 * The load benchmark (docs/bench.md). Starts the test bed, warms the bot's JVM up at low concurrency, then runs
 * each scenario at saturation and at fixed rates for every connector latency asked for, printing a line per run,
 * the table at the end, and {@code results.json}. It reports; it asserts nothing.
 */
public final class Bench {

    private static final int OPEN_LOOP_MAX_PEOPLE = 1024;
    private static final int WARMUP_PEOPLE = 4;
    private static final Duration SETTLE = Duration.ofSeconds(2);

    private final BenchOptions options;
    private final TestBed bed;
    private final FloorWorkloads floor;
    private final Path resultsFile;
    private final List<RunResult> runs = new ArrayList<>();
    private long connectorLatencyMillis;

    private Bench(BenchOptions options, TestBed bed) {
        this.options = options;
        this.bed = bed;
        TeamsTraffic traffic = new TeamsTraffic(bed.connector().serviceUrl());
        this.floor = new FloorWorkloads(traffic, TeamsTraffic.people("floor", options.people()));
        this.resultsFile = options.outputDir().resolve("results.json");
    }

    public static void main(String[] args) throws Exception {
        // Embedded PostgreSQL logs through SLF4J; its start-up chatter would drown the figures.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        if (List.of(args).contains("--help")) {
            System.out.print(BenchOptions.USAGE);
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.print(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        System.out.println("bench: starting PostgreSQL, the fake Bot Connector and the bot (" + options.jar() + ", "
                + BotProcess.HEAP + ")");
        TestBed bed = TestBed.start(options);
        Thread stopOnSignal = new Thread(bed::close, "bench-shutdown");
        Runtime.getRuntime().addShutdownHook(stopOnSignal);
        try {
            new Bench(options, bed).runAll();
        } finally {
            bed.close();
            Runtime.getRuntime().removeShutdownHook(stopOnSignal);
        }
    }

    private void runAll() throws Exception {
        warmUp();
        for (long latency : options.connectorLatenciesMillis()) {
            connectorLatencyMillis = latency;
            bed.connector().latencyMillis(latency);
            saturation("floor", FloorWorkloads.MESSAGE, floor.messages());
            saturation("floor", FloorWorkloads.INVOKE, floor.invokes());
            for (int rate : options.ratesPerSecond()) {
                atRate("floor", FloorWorkloads.MESSAGE, floor.messages(), rate);
            }
        }
        System.out.println();
        System.out.print(Report.table(runs));
        System.out.println();
        System.out.println("bench: results in " + resultsFile + "; the bot's log in " + options.outputDir().resolve("bot.log"));
    }

    /** The JIT needs about a minute of CPU on two cores, and starves at saturation: warm up gently first. */
    private void warmUp() throws InterruptedException {
        if (options.warmup().isZero()) {
            return;
        }
        bed.connector().latencyMillis(0);
        long botCpuBefore = ProcStats.cpuMillis(bed.bot().pid());
        Recorder recorder = bed.generator().closedLoop(floor.both(), WARMUP_PEOPLE, options.warmup());
        Recorder.Summary summary = recorder.overall();
        System.out.printf(Locale.ROOT, "bench: warm-up %d s with %d people: %d requests (%.0f/s), %d errors, bot CPU %.1f s%n",
                options.warmup().toSeconds(), WARMUP_PEOPLE, summary.requests(),
                summary.completedInWindow() / recorder.windowSeconds(), summary.errors(),
                (ProcStats.cpuMillis(bed.bot().pid()) - botCpuBefore) / 1000.0);
    }

    private void saturation(String scenario, String kind, LoadGenerator.Workload workload) throws Exception {
        int people = options.saturationPeople();
        record(scenario, kind, RunResult.SATURATION, null, people,
                () -> bed.generator().closedLoop(workload, people, options.runDuration()));
    }

    private void atRate(String scenario, String kind, LoadGenerator.Workload workload, int rate) throws Exception {
        record(scenario, kind, RunResult.RATE, rate, null,
                () -> bed.generator().openLoop(workload, rate, options.runDuration(), OPEN_LOOP_MAX_PEOPLE));
    }

    @FunctionalInterface
    private interface Load {
        Recorder drive() throws InterruptedException;
    }

    private void record(String scenario, String kind, String mode, Integer rate, Integer people, Load load) throws Exception {
        Thread.sleep(SETTLE.toMillis());
        long self = ProcessHandle.current().pid();
        long bot = bed.bot().pid();
        CountingConnector.Counts connectorBefore = bed.connector().counts();
        long botCpuBefore = ProcStats.cpuMillis(bot);
        long dbCpuBefore = ProcStats.cpuMillisWithChildren(bed.postgresPid());
        long selfCpuBefore = ProcStats.cpuMillis(self);
        long started = System.nanoTime();
        BotSampler sampler = new BotSampler(bed.bot());
        Recorder recorder;
        try {
            recorder = load.drive();
        } finally {
            sampler.close();
        }
        double wallMillis = (System.nanoTime() - started) / 1e6;
        CountingConnector.Counts connectorAfter = bed.connector().counts();
        Recorder.Summary overall = recorder.overall();
        long requests = Math.max(1, overall.requests());
        Map<String, Recorder.Summary> byKind = recorder.byKind();
        RunResult run = new RunResult(scenario, kind, connectorLatencyMillis, null, mode, rate, people,
                recorder.windowSeconds(), overall.requests(),
                overall.completedInWindow() / recorder.windowSeconds(), null, overall, overall.errors(),
                byKind.containsKey(FloorWorkloads.INVOKE) ? byKind.get(FloorWorkloads.INVOKE).over5s() : 0,
                (ProcStats.cpuMillis(bot) - botCpuBefore) / (double) requests,
                (ProcStats.cpuMillisWithChildren(bed.postgresPid()) - dbCpuBefore) / (double) requests,
                sampler.peakRssMegabytes(), sampler.peakThreads(),
                connectorAfter.connectionsOpened() - connectorBefore.connectionsOpened(),
                connectorAfter.requests() - connectorBefore.requests(),
                null,
                sampler.maxConnectionsInUse(), sampler.maxPendingForConnection(),
                (ProcStats.cpuMillis(self) - selfCpuBefore) * 100.0 / wallMillis,
                byKind, recorder.errorSamples());
        runs.add(run);
        Report.writeJson(resultsFile, runs, correctness());
        System.out.printf(Locale.ROOT, "bench: %-16s connector %3d ms  %-10s %7.0f req/s  p50 %6.1f  p99 %7.1f ms  errors %d%n",
                scenario + "/" + kind, connectorLatencyMillis, rate == null ? "sat/" + people : rate + " rps",
                run.requestsPerS(), overall.p50(), overall.p99(), overall.errors());
    }

    /** Filled in by the enrollment scenario; until it runs, nothing was checked. */
    private Map<String, Object> correctness() {
        Map<String, Object> correctness = new LinkedHashMap<>();
        correctness.put("employees", 0);
        correctness.put("enrollment_rows", null);
        correctness.put("duplicates", null);
        correctness.put("lost", null);
        correctness.put("checked", false);
        return correctness;
    }
}
