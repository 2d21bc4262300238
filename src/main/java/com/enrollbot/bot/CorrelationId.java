package com.enrollbot.bot;

import java.util.concurrent.ThreadLocalRandom;

/** A short id that ties a person's "Reference: …" to the log lines of the request that failed them. */
final class CorrelationId {

    static final String MDC_KEY = "correlationId";
    static final String TURN_STATE_KEY = "enrollbot.correlationId";

    private CorrelationId() {
    }

    static String next() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL);
    }
}
