package com.enrollbot.bench;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches the bot while a run goes: resident memory and threads from /proc every 250 ms, and the database pool (connections
 * in use, threads waiting for one) through the actuator every 500 ms. Peaks between samples can be missed; the
 * figures are a floor of the truth, which is what a "stays under" target needs.
 */
final class BotSampler implements AutoCloseable {

    private final BotProcess bot;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bot-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private static final long TIMELINE_SECONDS = 10;

    private final long startedNanos = System.nanoTime();
    private final List<double[]> rssTimeline = new CopyOnWriteArrayList<>();
    private volatile double peakRssMegabytes;
    private volatile long peakThreads;
    private volatile double maxConnectionsInUse;
    private volatile double maxPendingForConnection;

    BotSampler(BotProcess bot) {
        this.bot = bot;
        timer.scheduleAtFixedRate(this::sampleMemory, 0, 250, TimeUnit.MILLISECONDS);
        timer.scheduleAtFixedRate(this::samplePool, 0, 500, TimeUnit.MILLISECONDS);
        timer.scheduleAtFixedRate(this::sampleTimeline, 0, TIMELINE_SECONDS, TimeUnit.SECONDS);
    }

    private void sampleTimeline() {
        rssTimeline.add(new double[] {(System.nanoTime() - startedNanos) / 1e9, ProcStats.rssMegabytes(bot.pid())});
    }

    /** RSS every ten seconds: [seconds since the start, MiB]; a soak shows growth here. */
    List<double[]> rssTimeline() {
        return List.copyOf(rssTimeline);
    }

    private void sampleMemory() {
        peakRssMegabytes = Math.max(peakRssMegabytes, ProcStats.rssMegabytes(bot.pid()));
        peakThreads = Math.max(peakThreads, ProcStats.threads(bot.pid()));
    }

    private void samplePool() {
        bot.metric("hikaricp.connections.active").ifPresent(v -> maxConnectionsInUse = Math.max(maxConnectionsInUse, v));
        bot.metric("hikaricp.connections.pending").ifPresent(v -> maxPendingForConnection = Math.max(maxPendingForConnection, v));
    }

    double peakRssMegabytes() {
        return peakRssMegabytes;
    }

    long peakThreads() {
        return peakThreads;
    }

    int maxConnectionsInUse() {
        return (int) maxConnectionsInUse;
    }

    int maxPendingForConnection() {
        return (int) maxPendingForConnection;
    }

    @Override
    public void close() throws InterruptedException {
        timer.shutdown();
        timer.awaitTermination(5, TimeUnit.SECONDS);
        sampleMemory();
    }
}
