package com.enrollbot.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The benchmark's command line; every option has a default that gives the documented run. */
record BenchOptions(
        Path jar,
        Path outputDir,
        Set<String> scenarios,
        List<Long> connectorLatenciesMillis,
        long graphLatencyMillis,
        long slowGraphLatencyMillis,
        Duration runDuration,
        Duration warmup,
        int saturationPeople,
        List<Integer> ratesPerSecond,
        int people,
        int employees,
        Duration soak,
        boolean flightRecording,
        List<String> botJvmOptions) {

    static final String FLOOR = "floor";
    static final String ENROLLMENT = "enrollment";
    static final String HELPDESK = "helpdesk";
    static final String MIX = "mix";
    static final String SLOW_GRAPH = "slow-graph";
    static final Set<String> ALL_SCENARIOS = Set.of(FLOOR, ENROLLMENT, HELPDESK, MIX, SLOW_GRAPH);

    static final String USAGE = """
            usage: scripts/bench.sh [options]
              --scenarios A,B,...           floor, enrollment, helpdesk, mix, slow-graph             (default all five)
              --connector-latencies MS,...  latency of the fake Bot Connector, one set of runs each  (default 0,100)
              --graph-latency MS            latency of the fake Graph                                 (default 50)
              --slow-graph-latency MS       Graph latency of the slow-graph run                      (default 1000)
              --duration S                  seconds measured per run                                  (default 20)
              --warmup S                    seconds of low-concurrency warm-up before measuring      (default 60)
              --concurrency N               simulated people in the saturation (closed-loop) runs    (default 256)
              --rates RPS,...               request rates of the fixed-rate (open-loop) runs         (default 50,200,400)
              --people N                    distinct people of the floor traffic                     (default 2000)
              --employees N                 Graph users who can enroll, each at most once            (default 60000)
              --soak MINUTES                also run the mix at 200 requests/s that long, RSS sampled  (default 0: no soak)
              --jfr                         record the bot with Flight Recorder into target/bench/bot.jfr
              --bot-jvm-option OPTION       one more JVM option for the bot, repeatable (e.g. -XX:NativeMemoryTracking=summary)
            """;

    BenchOptions {
        if (runDuration.isNegative() || runDuration.isZero()) {
            throw new IllegalArgumentException("--duration must be positive");
        }
        if (saturationPeople < 1 || people < 1 || employees < 1) {
            throw new IllegalArgumentException("--concurrency, --people and --employees must be at least 1");
        }
        if (connectorLatenciesMillis.isEmpty() || connectorLatenciesMillis.stream().anyMatch(ms -> ms < 0)) {
            throw new IllegalArgumentException("--connector-latencies needs one or more latencies of 0 ms or more");
        }
        if (graphLatencyMillis < 0 || slowGraphLatencyMillis < 0) {
            throw new IllegalArgumentException("Graph latencies must be 0 ms or more");
        }
        if (ratesPerSecond.stream().anyMatch(rate -> rate < 1)) {
            throw new IllegalArgumentException("--rates must be at least 1 request per second");
        }
        if (!ALL_SCENARIOS.containsAll(scenarios)) {
            throw new IllegalArgumentException("--scenarios takes " + String.join(", ", ALL_SCENARIOS));
        }
        scenarios = Set.copyOf(scenarios);
        connectorLatenciesMillis = List.copyOf(connectorLatenciesMillis);
        ratesPerSecond = List.copyOf(ratesPerSecond);
        botJvmOptions = List.copyOf(botJvmOptions);
    }

    boolean runs(String scenario) {
        return scenarios.contains(scenario);
    }

    /** The connector latency of the mix and slow-Graph runs: the production-like one, the last listed. */
    long defaultConnectorLatencyMillis() {
        return connectorLatenciesMillis.get(connectorLatenciesMillis.size() - 1);
    }

    static BenchOptions parse(String[] args) {
        Path jar = null;
        Path output = Path.of("target", "bench");
        Set<String> scenarios = ALL_SCENARIOS;
        List<Long> latencies = List.of(0L, 100L);
        long graphLatency = 50;
        long slowGraphLatency = 1000;
        Duration duration = Duration.ofSeconds(20);
        Duration warmup = Duration.ofSeconds(60);
        int concurrency = 256;
        List<Integer> rates = List.of(50, 200, 400);
        int people = 2000;
        int employees = 60_000;
        Duration soak = Duration.ZERO;
        boolean jfr = false;
        List<String> jvmOptions = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--jfr")) {
                jfr = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            try {
                switch (option) {
                    case "--jar" -> jar = Path.of(value);
                    case "--out" -> output = Path.of(value);
                    case "--scenarios" -> scenarios = Set.copyOf(list(value));
                    case "--connector-latencies" -> latencies = list(value).stream().map(Long::valueOf).toList();
                    case "--graph-latency" -> graphLatency = Long.parseLong(value);
                    case "--slow-graph-latency" -> slowGraphLatency = Long.parseLong(value);
                    case "--duration" -> duration = Duration.ofSeconds(Long.parseLong(value));
                    case "--warmup" -> warmup = Duration.ofSeconds(Long.parseLong(value));
                    case "--concurrency" -> concurrency = Integer.parseInt(value);
                    case "--rates" -> rates = list(value).stream().map(Integer::valueOf).toList();
                    case "--people" -> people = Integer.parseInt(value);
                    case "--employees" -> employees = Integer.parseInt(value);
                    case "--soak" -> soak = Duration.ofMinutes(Long.parseLong(value));
                    case "--bot-jvm-option" -> jvmOptions.add(value);
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a number, not '" + value + "'");
            }
        }
        if (jar == null) {
            throw new IllegalArgumentException("--jar is required (scripts/bench.sh passes the jar it built)");
        }
        return new BenchOptions(jar, output, scenarios, latencies, graphLatency, slowGraphLatency, duration, warmup,
                concurrency, rates, people, employees, soak, jfr, jvmOptions);
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }
}
