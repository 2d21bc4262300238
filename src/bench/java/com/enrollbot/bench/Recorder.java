package com.enrollbot.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one run saw from the load generator's side: the latency of every request by kind, which failed and why,
 * and how many journeys completed. Latencies are kept whole (a run holds at most a few hundred thousand) so the
 * percentiles are exact, not estimated.
 */
final class Recorder {

    /** Latency figures of one kind of request, in milliseconds. */
    record Summary(long requests, long errors, long completedInWindow, double p50, double p95, double p99, double max,
                   long over5s) {
    }

    private static final int MAX_ERROR_SAMPLES = 5;
    private static final long FIVE_SECONDS = TimeUnit.SECONDS.toNanos(5);

    private final long windowStartNanos;
    private final long windowEndNanos;
    private final Map<String, Samples> byKind = new LinkedHashMap<>();
    private final List<String> errorSamples = new ArrayList<>();
    private final AtomicLong journeysInWindow = new AtomicLong();

    Recorder(long windowStartNanos, long windowEndNanos) {
        this.windowStartNanos = windowStartNanos;
        this.windowEndNanos = windowEndNanos;
    }

    void success(String kind, long latencyNanos, long completedAtNanos) {
        samples(kind).add(latencyNanos, completedAtNanos <= windowEndNanos, false);
    }

    void failure(String kind, long latencyNanos, String what) {
        samples(kind).add(latencyNanos, false, true);
        synchronized (errorSamples) {
            if (errorSamples.size() < MAX_ERROR_SAMPLES) {
                errorSamples.add(kind + ": " + what);
            }
        }
    }

    void journeyCompleted(long completedAtNanos) {
        if (completedAtNanos <= windowEndNanos) {
            journeysInWindow.incrementAndGet();
        }
    }

    double windowSeconds() {
        return (windowEndNanos - windowStartNanos) / 1e9;
    }

    long journeysInWindow() {
        return journeysInWindow.get();
    }

    List<String> errorSamples() {
        synchronized (errorSamples) {
            return List.copyOf(errorSamples);
        }
    }

    /** Per kind, in the order the kinds were first seen. */
    Map<String, Summary> byKind() {
        Map<String, Summary> summaries = new LinkedHashMap<>();
        synchronized (byKind) {
            byKind.forEach((kind, samples) -> summaries.put(kind, samples.summary()));
        }
        return summaries;
    }

    /** All kinds together. */
    Summary overall() {
        Samples all = new Samples();
        synchronized (byKind) {
            byKind.values().forEach(all::addAll);
        }
        return all.summary();
    }

    private Samples samples(String kind) {
        synchronized (byKind) {
            return byKind.computeIfAbsent(kind, k -> new Samples());
        }
    }

    private static final class Samples {
        private long[] latencies = new long[1024];
        private int count;
        private long errors;
        private long inWindow;
        private long over5s;

        synchronized void add(long latencyNanos, boolean completedInWindow, boolean error) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = latencyNanos;
            if (error) {
                errors++;
            }
            if (completedInWindow) {
                inWindow++;
            }
            if (latencyNanos > FIVE_SECONDS) {
                over5s++;
            }
        }

        synchronized void addAll(Samples other) {
            synchronized (other) {
                for (int i = 0; i < other.count; i++) {
                    if (count == latencies.length) {
                        latencies = Arrays.copyOf(latencies, count * 2);
                    }
                    latencies[count++] = other.latencies[i];
                }
                errors += other.errors;
                inWindow += other.inWindow;
                over5s += other.over5s;
            }
        }

        synchronized Summary summary() {
            long[] sorted = Arrays.copyOf(latencies, count);
            Arrays.sort(sorted);
            return new Summary(count, errors, inWindow, percentile(sorted, 50), percentile(sorted, 95),
                    percentile(sorted, 99), count == 0 ? 0 : millis(sorted[count - 1]), over5s);
        }

        /** Nearest-rank percentile. */
        private static double percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return 0;
            }
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return millis(sorted[Math.max(0, rank - 1)]);
        }

        private static double millis(long nanos) {
            return Math.round(nanos / 100_000.0) / 10.0;
        }
    }
}
