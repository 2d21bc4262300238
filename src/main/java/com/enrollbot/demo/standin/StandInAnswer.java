package com.enrollbot.demo.standin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** An HTTP answer as Entra ID or Graph would give it, independent of the server that sends it. */
public record StandInAnswer(int status, Map<String, String> headers, String body) {

    public StandInAnswer {
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    /** The same answer with one more header. */
    public StandInAnswer withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new StandInAnswer(status, more, body);
    }
}
