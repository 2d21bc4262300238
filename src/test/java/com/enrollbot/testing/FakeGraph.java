package com.enrollbot.testing;

import com.enrollbot.demo.standin.GraphUsers;
import com.enrollbot.demo.standin.StandInUsers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * A fake Microsoft Graph over HTTPS serving {@code GET /v1.0/users}, {@code GET /v1.0/users/{id}} and
 * {@code PATCH /v1.0/users/{id}} as {@link GraphUsers} answers them (the protocol the demo mode's stand-in serves
 * too: {@code $select}, {@code $top}, {@code $filter}, paging). Every request needs a bearer token issued by the given
 * {@link FakeEntra}; this class adds what only tests need: recorded requests, faults and delays. Give the
 * application {@link #baseUrl()} as {@code GRAPH_BASE_URL}. Thread-safe: MockWebServer answers on its own threads.
 */
public final class FakeGraph implements AutoCloseable {

    private final MockWebServer server = new MockWebServer();
    private final FakeEntra entra;
    private final StandInUsers users = new StandInUsers(List.of());
    private final List<RecordedGraphRequest> requests = new CopyOnWriteArrayList<>();
    private final Queue<GraphFault> nextFaults = new ConcurrentLinkedQueue<>();
    private volatile GraphFault standingFault;
    private volatile Duration delay = Duration.ZERO;

    public FakeGraph(TestTls tls, FakeEntra entra) {
        this.entra = entra;
        server.useHttps(tls.serverSocketFactory(), false);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
    }

    public FakeGraph start() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** E.g. {@code https://localhost:50124/v1.0} (no trailing slash). */
    public String baseUrl() {
        return server.url("/v1.0").toString();
    }

    /** Adds the user, or replaces the user with the same id. */
    public FakeUser putUser(FakeUser user) {
        users.put(user.toDirectoryUser());
        return user;
    }

    public void removeUser(String id) {
        users.remove(id);
    }

    /** Answers the next {@code times} requests with the fault, then serves normally again. */
    public FakeGraph failNext(int times, GraphFault fault) {
        for (int i = 0; i < times; i++) {
            nextFaults.add(fault);
        }
        return this;
    }

    /** Answers every request with the fault until {@link #clearFaults()}. */
    public FakeGraph failAlways(GraphFault fault) {
        this.standingFault = fault;
        return this;
    }

    public FakeGraph clearFaults() {
        nextFaults.clear();
        standingFault = null;
        return this;
    }

    /** Delays each answer's headers (a slow Graph). */
    public FakeGraph delay(Duration delay) {
        this.delay = delay;
        return this;
    }

    /** Every request received so far, in arrival order; recorded before it is answered. */
    public List<RecordedGraphRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        try {
            server.shutdown();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MockResponse answer(RecordedRequest request) {
        HttpUrl url = request.getRequestUrl();
        Map<String, String> query = new LinkedHashMap<>();
        for (String name : url.queryParameterNames()) {
            query.put(name, url.queryParameter(name));
        }
        String authorization = request.getHeader("Authorization");
        requests.add(new RecordedGraphRequest(request.getMethod(), url.encodedPath(), query,
                authorization == null ? "" : authorization, request.getHeader("ConsistencyLevel")));

        if (authorization == null || !authorization.startsWith("Bearer ")
                || !entra.issued(authorization.substring("Bearer ".length()))) {
            return FakeEntra.mockResponse(GraphUsers.unauthorized());
        }
        GraphFault fault = nextFaults.poll();
        if (fault == null) {
            fault = standingFault;
        }
        if (fault != null) {
            return faultResponse(fault);
        }
        return FakeEntra.mockResponse(GraphUsers.answer(baseUrl(), request.getMethod(),
                        "/" + String.join("/", url.pathSegments()), query, request.getBody().readUtf8(), users))
                .setHeadersDelay(delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static MockResponse faultResponse(GraphFault fault) {
        if (fault instanceof GraphFault.Forbidden) {
            return FakeEntra.mockResponse(GraphUsers.error(403, "Authorization_RequestDenied",
                    "Insufficient privileges to complete the operation."));
        }
        if (fault instanceof GraphFault.Throttled throttled) {
            return FakeEntra.mockResponse(GraphUsers.error(429, "TooManyRequests",
                            "Too many requests. Please retry after the time in Retry-After.")
                    .withHeader("Retry-After", String.valueOf(throttled.retryAfter().toSeconds())));
        }
        if (fault instanceof GraphFault.ServerError serverError) {
            return FakeEntra.mockResponse(GraphUsers.error(serverError.status(), "serviceNotAvailable",
                    "The service is temporarily unavailable."));
        }
        // GraphFault.Hang, the only kind left
        return new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
    }
}
