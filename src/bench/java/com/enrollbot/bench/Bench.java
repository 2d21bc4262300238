package com.enrollbot.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import org.slf4j.LoggerFactory;

/**
 * The load benchmark (README.md, "Benchmark"). Starts the test bed, warms the bot's JVM up at low concurrency, runs each
 * scenario at saturation and at fixed rates, checks the enrollments in the database, and prints a line per run,
 * the table at the end, and {@code results.json}. It reports; it asserts nothing.
 */
public final class Bench {

    private static final int OPEN_LOOP_MAX_PEOPLE = 1024;
    private static final int WARMUP_PEOPLE = 4;
    private static final Duration SETTLE = Duration.ofSeconds(2);
    /** The soak's rate: the "no growth across a 5-minute soak at 200 requests/s". */
    private static final int SOAK_RATE = 200;

    private final BenchOptions options;
    private final TestBed bed;
    private final FloorWorkloads floor;
    private final EnrollmentWorkloads enrollment;
    private final HelpdeskWorkloads helpdesk;
    private final Path resultsFile;
    private final List<RunResult> runs = new ArrayList<>();
    private long connectorLatencyMillis;
    private long graphLatencyMillis;
    private Map<String, Object> correctness = notChecked();

    private Bench(BenchOptions options, TestBed bed) {
        this.options = options;
        this.bed = bed;
        TeamsTraffic traffic = new TeamsTraffic(bed.connector().serviceUrl());
        this.floor = new FloorWorkloads(traffic, TeamsTraffic.people("floor", options.people()));
        this.enrollment = new EnrollmentWorkloads(traffic, bed.connector(),
                TeamsTraffic.people(TestBed.EMPLOYEES, options.employees()));
        this.helpdesk = new HelpdeskWorkloads(traffic, TestBed.helpdeskStaff(), options.employees());
        this.resultsFile = options.outputDir().resolve("results.json");
        this.graphLatencyMillis = options.graphLatencyMillis();
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
        System.out.println("bench: starting PostgreSQL, the fake Bot Connector, the Entra ID and Graph fakes ("
                + options.employees() + " employees) and the bot (" + options.jar() + ", " + BotProcess.HEAP + " " + BotProcess.GC
                + "), and registering its directory");
        TestBed bed = TestBed.start(options);
        try {
            new Bench(options, bed).runAll();
        } finally {
            bed.close();
        }
    }

    private void runAll() throws Exception {
        warmUp();
        for (long latency : options.connectorLatenciesMillis()) {
            connectorLatency(latency);
            if (options.runs(BenchOptions.FLOOR)) {
                saturation(BenchOptions.FLOOR, FloorWorkloads.MESSAGE, floor.messages());
                saturation(BenchOptions.FLOOR, FloorWorkloads.INVOKE, floor.invokes());
            }
            if (options.runs(BenchOptions.ENROLLMENT)) {
                saturation(BenchOptions.ENROLLMENT, "journey", enrollment.journeys());
            }
            if (options.runs(BenchOptions.HELPDESK)) {
                saturation(BenchOptions.HELPDESK, HelpdeskWorkloads.LOOKUP, helpdesk.lookups());
            }
            if (options.runs(BenchOptions.FLOOR)) {
                for (int rate : options.ratesPerSecond()) {
                    atRate(BenchOptions.FLOOR, FloorWorkloads.MESSAGE, floor.messages(), rate, 1, options.runDuration());
                }
            }
        }
        connectorLatency(options.defaultConnectorLatencyMillis());
        if (options.runs(BenchOptions.MIX)) {
            for (int rate : options.ratesPerSecond()) {
                atRate(BenchOptions.MIX, "mixed", enrollment.mix(helpdesk.lookups(), floor.messages()), rate,
                        EnrollmentWorkloads.MIX_REQUESTS_PER_INTERACTION, options.runDuration());
            }
        }
        if (options.runs(BenchOptions.SLOW_GRAPH)) {
            graphLatency(options.slowGraphLatencyMillis());
            atRate(BenchOptions.ENROLLMENT, "journey", enrollment.journeys(), 40, 2, options.runDuration());
            graphLatency(options.graphLatencyMillis());
        }
        if (!options.soak().isZero()) {
            atRate(BenchOptions.MIX, "soak", enrollment.mix(helpdesk.lookups(), floor.messages()), SOAK_RATE,
                    EnrollmentWorkloads.MIX_REQUESTS_PER_INTERACTION, options.soak());
        }
        System.out.println();
        System.out.print(Report.table(runs));
        System.out.println();
        System.out.print(Report.ratios(runs));
        System.out.println("bench: correctness " + correctness);
        System.out.println("bench: results in " + resultsFile + "; logs in " + options.outputDir());
    }

    /** The JIT needs about a minute of CPU on two cores, and starves at saturation: warm up gently first. */
    private void warmUp() throws Exception {
        if (options.warmup().isZero()) {
            return;
        }
        // Latencies only slow the warm-up down: the JIT needs the bot's CPU busy, not waiting.
        connectorLatency(0);
        graphLatency(0);
        long botCpuBefore = ProcStats.cpuMillis(bed.bot().pid());
        LoadGenerator.Workload pings = floor.both();
        LoadGenerator.Workload journeys = enrollment.journeys();
        LoadGenerator.Workload lookups = helpdesk.lookups();
        // Every path the runs take gets compiled: of every eleven interactions a journey, a look-up and nine pings.
        AtomicInteger turn = new AtomicInteger();
        LoadGenerator.Workload mixed = () -> switch (turn.incrementAndGet() % 11) {
            case 0 -> journeys.next();
            case 5 -> lookups.next();
            default -> pings.next();
        };
        Recorder recorder = bed.generator().closedLoop(mixed, WARMUP_PEOPLE, options.warmup());
        Recorder.Summary summary = recorder.overall();
        System.out.printf(Locale.ROOT, "bench: warm-up %d s with %d people: %d requests (%.0f/s), %d errors, bot CPU %.1f s%n",
                options.warmup().toSeconds(), WARMUP_PEOPLE, summary.requests(),
                summary.completedInWindow() / recorder.windowSeconds(), summary.errors(),
                (ProcStats.cpuMillis(bed.bot().pid()) - botCpuBefore) / 1000.0);
        graphLatency(options.graphLatencyMillis());
    }

    private void connectorLatency(long millis) {
        connectorLatencyMillis = millis;
        bed.connector().latencyMillis(millis);
    }

    private void graphLatency(long millis) throws Exception {
        graphLatencyMillis = millis;
        bed.fakes().graphLatencyMillis(millis);
    }

    private void saturation(String scenario, String kind, LoadGenerator.Workload workload) throws Exception {
        int people = options.saturationPeople();
        record(scenario, kind, RunResult.SATURATION, null, people,
                () -> bed.generator().closedLoop(workload, people, options.runDuration()));
    }

    /** {@code rate} counts requests; an interaction of several requests starts that many times less often. */
    private void atRate(String scenario, String kind, LoadGenerator.Workload workload, int rate,
                        double requestsPerInteraction, Duration duration) throws Exception {
        record(scenario, kind, RunResult.RATE, rate, null, () -> bed.generator().openLoop(workload,
                rate / requestsPerInteraction, duration, OPEN_LOOP_MAX_PEOPLE));
    }

    @FunctionalInterface
    private interface Load {
        Recorder drive() throws InterruptedException;
    }

    private void record(String scenario, String kind, String mode, Integer rate, Integer people, Load load) throws Exception {
        Thread.sleep(SETTLE.toMillis());
        long self = ProcessHandle.current().pid();
        long bot = bed.bot().pid();
        long fakes = bed.fakes().pid();
        CountingConnector.Counts connectorBefore = bed.connector().counts();
        long tokensBefore = bed.fakes().tokenRequests();
        long botCpuBefore = ProcStats.cpuMillis(bot);
        long dbCpuBefore = ProcStats.cpuMillisWithChildren(bed.postgresPid());
        long selfCpuBefore = ProcStats.cpuMillis(self);
        long fakesCpuBefore = ProcStats.cpuMillis(fakes);
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
        double requests = Math.max(1, overall.requests());
        Map<String, Recorder.Summary> byKind = recorder.byKind();
        long invokesOver5s = byKind.entrySet().stream()
                .filter(entry -> entry.getKey().equals(FloorWorkloads.INVOKE) || entry.getKey().equals(EnrollmentWorkloads.CONFIRM))
                .mapToLong(entry -> entry.getValue().over5s())
                .sum();
        boolean journeys = byKind.containsKey(EnrollmentWorkloads.CONFIRM);
        RunResult run = new RunResult(scenario, kind, connectorLatencyMillis, graphLatencyMillis, mode, rate, people,
                recorder.windowSeconds(), overall.requests(),
                overall.completedInWindow() / recorder.windowSeconds(),
                journeys ? recorder.journeysInWindow() / recorder.windowSeconds() : null,
                overall, overall.errors(), invokesOver5s,
                (ProcStats.cpuMillis(bot) - botCpuBefore) / requests,
                (ProcStats.cpuMillisWithChildren(bed.postgresPid()) - dbCpuBefore) / requests,
                sampler.peakRssMegabytes(), sampler.peakThreads(),
                connectorAfter.connectionsOpened() - connectorBefore.connectionsOpened(),
                connectorAfter.requests() - connectorBefore.requests(),
                bed.fakes().tokenRequests() - tokensBefore,
                sampler.maxConnectionsInUse(), sampler.maxPendingForConnection(),
                (ProcStats.cpuMillis(self) - selfCpuBefore) * 100.0 / wallMillis,
                (ProcStats.cpuMillis(fakes) - fakesCpuBefore) * 100.0 / wallMillis,
                byKind, recorder.errorSamples(),
                kind.equals("soak") ? sampler.rssTimeline() : List.of());
        runs.add(run);
        if (journeys) {
            correctness = checkEnrollments();
        }
        Report.writeJson(resultsFile, runs, correctness);
        System.out.printf(Locale.ROOT, "bench: %-18s connector %3d ms graph %4d ms %-10s %7.0f req/s%s  p50 %6.1f  p99 %7.1f ms  errors %d%n",
                scenario + "/" + kind, connectorLatencyMillis, graphLatencyMillis,
                rate == null ? "sat/" + people : rate + " rps", run.requestsPerS(),
                run.journeysPerS() == null ? "" : String.format(Locale.ROOT, " %5.0f journeys/s", run.journeysPerS()),
                overall.p50(), overall.p99(), overall.errors());
    }

    /**
     * Exactly one enrollment row per employee the bot told "You are enrolled": none lost, none twice. Rows of
     * employees whose journey failed half-way (the Enroll press timed out, say) are counted apart.
     */
    private Map<String, Object> checkEnrollments() throws Exception {
        Set<String> acknowledged = enrollment.enrolled();
        BenchDatabase.EnrollmentRows stored = bed.database().enrollmentRows(TestBed.TENANT_ID);
        Set<String> lost = new HashSet<>(acknowledged);
        lost.removeAll(stored.objectIds());
        Set<String> unacknowledged = new HashSet<>(stored.objectIds());
        unacknowledged.removeAll(acknowledged);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("employees", acknowledged.size());
        result.put("enrollment_rows", stored.rows());
        result.put("duplicates", stored.rows() - stored.objectIds().size());
        result.put("lost", lost.size());
        result.put("rows_without_receipt", unacknowledged.size());
        result.put("checked", true);
        return result;
    }

    private static Map<String, Object> notChecked() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("employees", 0);
        result.put("enrollment_rows", null);
        result.put("duplicates", null);
        result.put("lost", null);
        result.put("checked", false);
        return result;
    }
}
