package com.enrollbot.testing;

import java.util.Map;

/** A request as {@link FakeGraph} received it, query parameters already URL-decoded. */
public record RecordedGraphRequest(String method, String path, Map<String, String> query, String authorization,
                                   String consistencyLevel) {

    public RecordedGraphRequest {
        query = Map.copyOf(query);
    }

    /** The decoded {@code $filter}, or null. */
    public String filter() {
        return query.get("$filter");
    }
}
