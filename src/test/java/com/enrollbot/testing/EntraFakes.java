package com.enrollbot.testing;

import java.util.Map;

/**
 * The fakes of Entra ID and Graph that a bot under test talks to, over HTTPS with one test root, and a bot
 * started against them: {@code GRAPH_BASE_URL}, {@code ENTRA_AUTHORITY_HOST} and an edge client trusting the root.
 */
public final class EntraFakes implements AutoCloseable {

    private final TestTls tls = new TestTls();
    private final FakeEntra entra = new FakeEntra(tls).start();
    private final FakeGraph graph = new FakeGraph(tls, entra).start();

    public FakeEntra entra() {
        return entra;
    }

    public FakeGraph graph() {
        return graph;
    }

    /** Starts the real application with these settings (see {@link RunningBot#defaults}), pointed at the fakes. */
    public RunningBot startBot(Map<String, Object> settings) {
        settings.put("GRAPH_BASE_URL", graph.baseUrl());
        settings.put("ENTRA_AUTHORITY_HOST", entra.baseUrl());
        return RunningBot.start(settings, RunningBot.trusting(tls));
    }

    @Override
    public void close() {
        graph.close();
        entra.close();
    }
}
