package com.enrollbot.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * A fake Microsoft Graph over HTTPS serving {@code GET /v1.0/users} ({@code $select}, {@code $top},
 * {@code $filter} as {@link UserFilter} describes, paging by {@code @odata.nextLink}) and
 * {@code GET /v1.0/users/{id}} ({@code $select}). Every request needs a bearer token issued by the given
 * {@link FakeEntra}. As Graph does, {@code $select} replaces the default property set and selected
 * properties without a value are written as {@code null}. Give the application {@link #baseUrl()} as
 * {@code GRAPH_BASE_URL}. Thread-safe: MockWebServer answers on its own threads.
 */
public final class FakeGraph implements AutoCloseable {

    private static final Set<String> PROPERTIES =
            Set.of("id", "displayName", "userPrincipalName", "mail", "mobilePhone", "accountEnabled", "userType");
    /** What Graph returns for a user without $select, among the properties this fake knows. */
    private static final List<String> DEFAULT_PROPERTIES =
            List.of("id", "displayName", "userPrincipalName", "mail", "mobilePhone");
    private static final Set<String> QUERY_OPTIONS = Set.of("$select", "$top", "$filter", "$skiptoken");
    private static final int DEFAULT_PAGE_SIZE = 100;
    private static final int MAX_PAGE_SIZE = 999;

    private final MockWebServer server = new MockWebServer();
    private final ObjectMapper json = new ObjectMapper();
    private final FakeEntra entra;
    private final Map<String, FakeUser> users = new LinkedHashMap<>();
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
    public synchronized FakeUser putUser(FakeUser user) {
        users.put(user.id(), user);
        return user;
    }

    public synchronized void removeUser(String id) {
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
            return error(401, "InvalidAuthenticationToken", "Access token is empty or invalid.");
        }
        GraphFault fault = nextFaults.poll();
        if (fault == null) {
            fault = standingFault;
        }
        if (fault != null) {
            return faultResponse(fault);
        }
        return route(request.getMethod(), url, query).setHeadersDelay(delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private MockResponse route(String method, HttpUrl url, Map<String, String> query) {
        List<String> segments = url.pathSegments();
        if (!"GET".equals(method) || segments.size() < 2 || !"v1.0".equals(segments.get(0))
                || !"users".equals(segments.get(1)) || segments.size() > 3) {
            return error(400, "BadRequest", "Resource not found for the segment '" + String.join("/", segments) + "'.");
        }
        for (String name : query.keySet()) {
            if (!QUERY_OPTIONS.contains(name)) {
                return error(400, "BadRequest", "Query option '" + name + "' is not supported by this fake.");
            }
        }
        try {
            List<String> select = select(query.get("$select"));
            return segments.size() == 3 ? user(segments.get(2), select) : users(url, query, select);
        } catch (IllegalArgumentException e) {
            return error(400, "BadRequest", e.getMessage());
        }
    }

    private MockResponse user(String id, List<String> select) {
        FakeUser user;
        synchronized (this) {
            user = users.get(id);
        }
        if (user == null) {
            return error(404, "Request_ResourceNotFound", "Resource '" + id
                    + "' does not exist or one of its queried reference-property objects are not present.");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", baseUrl() + "/$metadata#users(" + String.join(",", select) + ")/$entity");
        body.putAll(selected(user, select));
        return ok(body);
    }

    private MockResponse users(HttpUrl url, Map<String, String> query, List<String> select) {
        int top = top(query.get("$top"));
        int skip = query.containsKey("$skiptoken") ? Integer.parseInt(query.get("$skiptoken")) : 0;
        Predicate<Map<String, Object>> filter = query.containsKey("$filter")
                ? UserFilter.parse(query.get("$filter"))
                : user -> true;
        List<Map<String, Object>> matches = new ArrayList<>();
        synchronized (this) {
            for (FakeUser user : users.values()) {
                if (filter.test(user.properties())) {
                    matches.add(selected(user, select));
                }
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", baseUrl() + "/$metadata#users(" + String.join(",", select) + ")");
        body.put("value", matches.subList(Math.min(skip, matches.size()), Math.min(skip + top, matches.size())));
        if (skip + top < matches.size()) {
            body.put("@odata.nextLink",
                    url.newBuilder().setQueryParameter("$skiptoken", String.valueOf(skip + top)).build().toString());
        }
        return ok(body);
    }

    private static List<String> select(String select) {
        if (select == null) {
            return DEFAULT_PROPERTIES;
        }
        List<String> properties = List.of(select.split(","));
        for (String property : properties) {
            if (!PROPERTIES.contains(property)) {
                throw new IllegalArgumentException(
                        "Could not find a property named '" + property + "' on type 'microsoft.graph.user'.");
            }
        }
        return properties;
    }

    private static int top(String top) {
        if (top == null) {
            return DEFAULT_PAGE_SIZE;
        }
        try {
            int value = Integer.parseInt(top);
            if (value >= 1 && value <= MAX_PAGE_SIZE) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // answered below like any other invalid $top
        }
        throw new IllegalArgumentException("Invalid page size specified: '" + top + "'. Must be between 1 and "
                + MAX_PAGE_SIZE + " inclusive.");
    }

    private static Map<String, Object> selected(FakeUser user, List<String> select) {
        Map<String, Object> all = user.properties();
        Map<String, Object> selected = new LinkedHashMap<>();
        for (String property : select) {
            selected.put(property, all.get(property));
        }
        return selected;
    }

    private MockResponse faultResponse(GraphFault fault) {
        if (fault instanceof GraphFault.Forbidden) {
            return error(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
        }
        if (fault instanceof GraphFault.Throttled throttled) {
            return error(429, "TooManyRequests", "Too many requests. Please retry after the time in Retry-After.")
                    .setHeader("Retry-After", String.valueOf(throttled.retryAfter().toSeconds()));
        }
        if (fault instanceof GraphFault.ServerError serverError) {
            return error(serverError.status(), "serviceNotAvailable", "The service is temporarily unavailable.");
        }
        // GraphFault.Hang, the only kind left
        return new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
    }

    /** Graph's error shape: {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}. */
    private MockResponse error(int status, String code, String message) {
        Map<String, Object> innerError = new LinkedHashMap<>();
        innerError.put("date", Instant.now().toString());
        innerError.put("request-id", UUID.randomUUID().toString());
        innerError.put("client-request-id", UUID.randomUUID().toString());
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("innerError", innerError);
        return respond(status, Map.of("error", error));
    }

    private MockResponse ok(Map<String, Object> body) {
        return respond(200, body);
    }

    private MockResponse respond(int status, Object body) {
        try {
            return new MockResponse().setResponseCode(status)
                    .setHeader("Content-Type", "application/json;odata.metadata=minimal;odata.streaming=true;charset=utf-8")
                    .setBody(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
