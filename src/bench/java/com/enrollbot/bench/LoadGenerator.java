package com.enrollbot.bench;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * Drives {@code /api/messages} from its own process. Each simulated person is a thread with its own keep-alive
 * connection doing blocking I/O: on loopback that costs the generator a few microseconds of CPU per request
 * (the JDK's asynchronous HttpClient cost ~0.2 ms, as much as the bot's own cheapest turn), and a journey of
 * several requests reads as straight-line code.
 * <ul>
 *   <li>{@link #closedLoop closed loop}: N people each start their next interaction when the last one ended;
 *   this finds the saturation throughput.</li>
 *   <li>{@link #openLoop open loop}: interactions start at a fixed rate whatever the bot does, and latency is
 *   measured from when each one <em>should</em> have started, so a stalled bot cannot hide its stall by slowing
 *   the generator down (coordinated omission).</li>
 * </ul>
 */
final class LoadGenerator {

    /** One interaction of a simulated person: a single request, or a journey of several. */
    @FunctionalInterface
    interface Interaction {
        /** Runs it; the latency of its first request counts from {@code intendedStartNanos}. */
        void run(Client client, long intendedStartNanos) throws RequestFailed;
    }

    /** Where the interactions come from; called from many threads. */
    @FunctionalInterface
    interface Workload {
        /** The next interaction, or null when there are no more (every simulated employee has enrolled). */
        Interaction next();
    }

    /** A request failed; it has been recorded already, and the rest of the interaction is abandoned. */
    static final class RequestFailed extends Exception {
        RequestFailed(String message) {
            super(message, null, false, false);
        }
    }

    /** What an interaction sends through: the person's connection and the run's recorder. */
    static final class Client {
        private final HttpConnection connection;
        private final Recorder recorder;

        private Client(HttpConnection connection, Recorder recorder) {
            this.connection = connection;
            this.recorder = recorder;
        }

        /**
         * Posts one activity and records its latency from {@code measuredFromNanos} under {@code kind}; returns
         * the answer when {@code acceptable} says so, and fails otherwise.
         */
        HttpConnection.Response post(String kind, byte[] activity, Predicate<HttpConnection.Response> acceptable,
                                     long measuredFromNanos) throws RequestFailed {
            HttpConnection.Response response;
            try {
                response = connection.postJson(activity);
            } catch (IOException | RuntimeException e) {
                recorder.failure(kind, System.nanoTime() - measuredFromNanos, e.toString());
                throw new RequestFailed(kind);
            }
            long now = System.nanoTime();
            if (!acceptable.test(response)) {
                String body = response.body();
                recorder.failure(kind, now - measuredFromNanos,
                        "HTTP " + response.status() + " " + body.substring(0, Math.min(200, body.length())));
                throw new RequestFailed(kind);
            }
            recorder.success(kind, now - measuredFromNanos, now);
            return response;
        }

        Recorder recorder() {
            return recorder;
        }
    }

    /** Requests time out after 30 s; a run waits that long (and a little) for the last ones before it ends. */
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(35);
    private static final long NO_MORE_WORK = Long.MIN_VALUE;

    private final URI endpoint;
    private volatile boolean stopped;

    LoadGenerator(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** People finish the request they are in and start no other: the benchmark is ending (CTRL-C, say). */
    void stop() {
        stopped = true;
    }

    Recorder closedLoop(Workload workload, int people, Duration duration) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        Recorder recorder = new Recorder(start, deadline);
        List<Thread> threads = new ArrayList<>(people);
        for (int i = 0; i < people; i++) {
            threads.add(person("person-" + i, () -> {
                try (HttpConnection connection = new HttpConnection(endpoint)) {
                    Client client = new Client(connection, recorder);
                    for (long now = System.nanoTime(); now < deadline && !stopped; now = System.nanoTime()) {
                        if (!runOne(workload, client, now)) {
                            return;
                        }
                    }
                }
            }));
        }
        awaitAll(threads, deadline + DRAIN_TIMEOUT.toNanos());
        return recorder;
    }

    /**
     * Starts {@code rate × duration} interactions at evenly spaced intended times. People (threads, each with a
     * connection) are added as the bot's latency requires, up to {@code maxPeople}; beyond that an interaction
     * waits for a free one, and the wait counts in its latency.
     */
    Recorder openLoop(Workload workload, double ratePerSecond, Duration duration, int maxPeople) throws InterruptedException {
        long total = Math.round(ratePerSecond * duration.toMillis() / 1000.0);
        double intervalNanos = 1e9 / ratePerSecond;
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        Recorder recorder = new Recorder(start, deadline);
        LinkedBlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();
        AtomicInteger idle = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (long i = 0; i < total && !stopped; i++) {
            long intended = start + Math.round(i * intervalNanos);
            for (long wait = intended - System.nanoTime(); wait > 0; wait = intended - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            if (idle.get() <= arrivals.size() && threads.size() < maxPeople) {
                threads.add(person("person-" + threads.size(), () -> serveArrivals(workload, recorder, arrivals, idle)));
            }
            arrivals.add(intended);
        }
        threads.forEach(thread -> arrivals.add(NO_MORE_WORK));
        awaitAll(threads, deadline + DRAIN_TIMEOUT.toNanos());
        return recorder;
    }

    private void serveArrivals(Workload workload, Recorder recorder, LinkedBlockingQueue<Long> arrivals, AtomicInteger idle) {
        try (HttpConnection connection = new HttpConnection(endpoint)) {
            Client client = new Client(connection, recorder);
            while (true) {
                idle.incrementAndGet();
                long intended = arrivals.take();
                idle.decrementAndGet();
                if (intended == NO_MORE_WORK || stopped) {
                    return;
                }
                if (!runOne(workload, client, intended)) {
                    recorder.failure("generator", System.nanoTime() - intended, "no simulated people left to start");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** False when the workload has nothing left to start. */
    private static boolean runOne(Workload workload, Client client, long intendedStartNanos) {
        Interaction interaction = workload.next();
        if (interaction == null) {
            return false;
        }
        try {
            interaction.run(client, intendedStartNanos);
        } catch (RequestFailed recorded) {
            // counted by the recorder; the person goes on with the next interaction
        } catch (RuntimeException e) {
            client.recorder().failure("generator", System.nanoTime() - intendedStartNanos, e.toString());
        }
        return true;
    }

    private static Thread person(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Bounded: people still busy at {@code deadlineNanos} are interrupted and left to die with the JVM. */
    private static void awaitAll(List<Thread> threads, long deadlineNanos) throws InterruptedException {
        for (Thread thread : threads) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
            if (left > 0) {
                thread.join(left);
            }
            if (thread.isAlive()) {
                thread.interrupt();
            }
        }
    }
}
