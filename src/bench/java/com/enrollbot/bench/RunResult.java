package com.enrollbot.bench;

import java.util.List;
import java.util.Map;

/**
 * One run: a scenario at one setting, in the key names of {@code target/bench/results.json} (see docs/bench.md).
 * Figures that do not apply to a run are null ({@code targetRps} at saturation, {@code journeysPerSecond} for
 * single requests, {@code graphTokenRequests} when no Graph fake is running).
 */
record RunResult(
        String scenario,
        String kind,
        long connectorLatencyMs,
        Long graphLatencyMs,
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
        Long graphTokenRequests,
        int dbConnectionsInUse,
        int dbConnectionsPending,
        double loadGeneratorCpuPct,
        Map<String, Recorder.Summary> latencyByKind,
        List<String> errorSamples) {

    static final String SATURATION = "saturation";
    static final String RATE = "rate";
}
