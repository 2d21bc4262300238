package com.enrollbot.bench;

import java.util.List;
import java.util.Map;

/**
 * One run: a scenario at one setting, in the key names of {@code target/bench/results.json} (see README.md, "Benchmark").
 * Figures that do not apply to a run are null ({@code targetRps} at saturation, {@code journeysPerSecond} when
 * the run has no enrollment journeys); {@code rssTimeline} is kept for the soak only.
 */
record RunResult(
        String scenario,
        String kind,
        long connectorLatencyMs,
        long graphLatencyMs,
        String mode,
        Integer targetRps,
        Integer concurrency,
        double durationS,
        long requests,
        double requestsPerS,
        Double journeysPerS,
        Recorder.Summary overall,
        long errors,
        long invokesOver5s,
        double botCpuMsPerRequest,
        double dbCpuMsPerRequest,
        double peakRssMb,
        long botThreadsPeak,
        long connectorConnectionsOpened,
        long connectorRequests,
        long graphTokenRequests,
        int dbConnectionsInUse,
        int dbConnectionsPending,
        double loadGeneratorCpuPct,
        double fakesCpuPct,
        Map<String, Recorder.Summary> latencyByKind,
        List<String> errorSamples,
        List<double[]> rssTimeline) {

    static final String SATURATION = "saturation";
    static final String RATE = "rate";
}
