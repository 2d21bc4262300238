package com.enrollbot.testing;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A local stand-in for Teams' Bot Connector (the activity's {@code serviceUrl}): it answers the REST calls the
 * bot SDK makes to send, reply to and update activities, the way the real one does, and keeps what it got.
 */
public final class FakeConnector implements AutoCloseable {

    /** One call the bot made: method, path and the activity it sent. */
    public record Call(String method, String path, JsonNode activity, String authorization) {
        public String text() {
            return activity.path("text").asText(null);
        }

        public JsonNode card() {
            return activity.path("attachments").path(0).path("content");
        }

        public boolean isUpdate() {
            return "PUT".equals(method);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockWebServer server = new MockWebServer();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<String, Integer> failNextTo = new ConcurrentHashMap<>();
    private volatile Duration latency = Duration.ZERO;

    public FakeConnector() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException("FakeConnector could not start", e);
        }
    }

    public String serviceUrl() {
        return server.url("/").toString();
    }

    public void latency(Duration latency) {
        this.latency = latency;
    }

    /**
     * Answers the next call to the conversation with the HTTP status and the Bot Connector's error for a chat it
     * does not know (the person removed the bot); the call is recorded all the same.
     */
    public void failNext(String conversationId, int status) {
        failNextTo.put(conversationId, status);
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public void clear() {
        calls.clear();
    }

    /** Waits (bounded) until a call matching the predicate arrived, and returns it. */
    public Call await(Predicate<Call> match) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            for (Call call : calls) {
                if (match.test(call)) {
                    return call;
                }
            }
            sleep(10);
        }
        throw new AssertionError("The bot sent no matching activity within 10 s; it sent: " + calls);
    }

    private MockResponse answer(RecordedRequest request) {
        if (!latency.isZero()) {
            sleep(latency.toMillis());
        }
        String path = request.getPath() == null ? "" : request.getPath();
        if (!path.startsWith("/v3/conversations/")) {
            return new MockResponse().setResponseCode(404);
        }
        JsonNode activity;
        try {
            activity = JSON.readTree(request.getBody().readUtf8());
        } catch (IOException e) {
            return new MockResponse().setResponseCode(400);
        }
        calls.add(new Call(request.getMethod(), path, activity, request.getHeader("Authorization")));
        for (String conversationId : failNextTo.keySet()) {
            Integer status = path.contains(conversationId) ? failNextTo.remove(conversationId) : null;
            if (status != null) {
                return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                        .setBody("{\"error\":{\"code\":\"ConversationNotFound\",\"message\":\"Conversation not found\"}}");
            }
        }
        String id = "PUT".equals(request.getMethod())
                ? path.substring(path.lastIndexOf('/') + 1)
                : "activity-" + ids.incrementAndGet();
        return new MockResponse().setResponseCode(200)
                .setHeader("Content-Type", "application/json")
                .setBody("{\"id\":\"" + id + "\"}");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
