package com.enrollbot.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The benchmark's command line; every option has a default that gives the documented run. */
record BenchOptions(
        Path jar,
        Path outputDir,
        List<Long> connectorLatenciesMillis,
        Duration runDuration,
        Duration warmup,
        int saturationPeople,
        List<Integer> ratesPerSecond,
        int people,
        boolean flightRecording,
        List<String> botJvmOptions) {

    static final String USAGE = """
            usage: scripts/bench.sh [options]
              --connector-latencies MS,...  latency of the fake Bot Connector, one set of runs each  (default 0,100)
              --duration S                  seconds measured per run                                  (default 20)
              --warmup S                    seconds of low-concurrency warm-up before measuring      (default 60)
              --concurrency N               simulated people in the saturation (closed-loop) runs    (default 256)
              --rates RPS,...               arrival rates of the fixed-rate (open-loop) runs         (default 50,200,400)
              --people N                    distinct synthetic people the traffic comes from        (default 2000)
              --jfr                         record the bot with Flight Recorder into target/bench/bot.jfr
              --bot-jvm-option OPTION       one more JVM option for the bot, repeatable (e.g. -XX:NativeMemoryTracking=summary)
            """;

    BenchOptions {
        if (runDuration.isNegative() || runDuration.isZero()) {
            throw new IllegalArgumentException("--duration must be positive");
        }
        if (saturationPeople < 1 || people < 1) {
            throw new IllegalArgumentException("--concurrency and --people must be at least 1");
        }
        if (connectorLatenciesMillis.isEmpty() || connectorLatenciesMillis.stream().anyMatch(ms -> ms < 0)) {
            throw new IllegalArgumentException("--connector-latencies needs one or more latencies of 0 ms or more");
        }
        if (ratesPerSecond.stream().anyMatch(rate -> rate < 1)) {
            throw new IllegalArgumentException("--rates must be at least 1 request per second");
        }
        connectorLatenciesMillis = List.copyOf(connectorLatenciesMillis);
        ratesPerSecond = List.copyOf(ratesPerSecond);
        botJvmOptions = List.copyOf(botJvmOptions);
    }

    static BenchOptions parse(String[] args) {
        Path jar = null;
        Path output = Path.of("target", "bench");
        List<Long> latencies = List.of(0L, 100L);
        Duration duration = Duration.ofSeconds(20);
        Duration warmup = Duration.ofSeconds(60);
        int concurrency = 256;
        List<Integer> rates = List.of(50, 200, 400);
        int people = 2000;
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
                    case "--connector-latencies" -> latencies = Arrays.stream(value.split(",")).map(String::trim).map(Long::valueOf).toList();
                    case "--duration" -> duration = Duration.ofSeconds(Long.parseLong(value));
                    case "--warmup" -> warmup = Duration.ofSeconds(Long.parseLong(value));
                    case "--concurrency" -> concurrency = Integer.parseInt(value);
                    case "--rates" -> rates = value.isBlank() ? List.of()
                            : Arrays.stream(value.split(",")).map(String::trim).map(Integer::valueOf).toList();
                    case "--people" -> people = Integer.parseInt(value);
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
        return new BenchOptions(jar, output, latencies, duration, warmup, concurrency, rates, people, jfr, jvmOptions);
    }
}
