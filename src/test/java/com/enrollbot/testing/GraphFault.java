package com.enrollbot.testing;

import java.time.Duration;

/** What {@link FakeGraph} answers instead of data while a fault is switched on. */
public sealed interface GraphFault {

    /** 403 Authorization_RequestDenied: User.Read.All missing or not consented. */
    record Forbidden() implements GraphFault { }

    /** 429 TooManyRequests with {@code Retry-After} in whole seconds. */
    record Throttled(Duration retryAfter) implements GraphFault { }

    /** A 5xx with Graph's error body. */
    record ServerError(int status) implements GraphFault { }

    /** Accepts the request and never answers (until the fake is closed). */
    record Hang() implements GraphFault { }

    static GraphFault forbidden() {
        return new Forbidden();
    }

    static GraphFault throttled(Duration retryAfter) {
        return new Throttled(retryAfter);
    }

    static GraphFault serverError(int status) {
        return new ServerError(status);
    }

    static GraphFault hang() {
        return new Hang();
    }
}
