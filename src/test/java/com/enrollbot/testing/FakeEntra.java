package com.enrollbot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.List;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * A fake Entra ID token endpoint ({@code POST /{tenant}/oauth2/v2.0/token}, client-credentials grant) over
 * HTTPS. Registered tenants, apps and secrets decide the answer, in Entra's wire format:
 * unknown tenant → 400 AADSTS90002, unknown app in the tenant → 400 AADSTS700016, wrong secret → 401
 * AADSTS7000215, expired secret → 401 AADSTS7000222. Give the application {@link #baseUrl()} as
 * {@code ENTRA_AUTHORITY_HOST}. Thread-safe: MockWebServer answers on its own threads.
 */
public final class FakeEntra implements AutoCloseable {

    private final MockWebServer server = new MockWebServer();
    private final Map<String, Map<String, Map<String, Boolean>>> secretsExpiredByAppByTenant = new ConcurrentHashMap<>();
    private final Set<String> issuedTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final List<String> unexpectedPaths = new CopyOnWriteArrayList<>();
    private final List<String> requestedScopes = new CopyOnWriteArrayList<>();
    private volatile Duration delay = Duration.ZERO;
    private volatile boolean hanging;
    private volatile int serverErrorStatus;

    public FakeEntra(TestTls tls) {
        server.useHttps(tls.serverSocketFactory(), false);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
    }

    public FakeEntra start() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The authority host, e.g. {@code https://localhost:50123} (no trailing slash). */
    public String baseUrl() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    /** Registers the tenant if needed, the app in it and a valid secret for the app. */
    public FakeEntra registerApp(String tenantId, String clientId, String secret) {
        secretsExpiredByAppByTenant.computeIfAbsent(tenantId, t -> new ConcurrentHashMap<>())
                .computeIfAbsent(clientId, c -> new ConcurrentHashMap<>())
                .put(secret, false);
        return this;
    }

    /** Registers a tenant with no apps: every app is then answered with AADSTS700016. */
    public FakeEntra registerTenant(String tenantId) {
        secretsExpiredByAppByTenant.computeIfAbsent(tenantId, t -> new ConcurrentHashMap<>());
        return this;
    }

    public FakeEntra expireSecret(String tenantId, String clientId, String secret) {
        secretsExpiredByAppByTenant.get(tenantId).get(clientId).put(secret, true);
        return this;
    }

    /** Answers every token request with this 5xx status and Entra's error body; 0 switches it off. */
    public FakeEntra failWithStatus(int status) {
        this.serverErrorStatus = status;
        return this;
    }

    /** Accepts connections and never answers (until {@link #close()}). */
    public FakeEntra hang(boolean hang) {
        this.hanging = hang;
        return this;
    }

    /** Delays each answer's headers. */
    public FakeEntra delay(Duration delay) {
        this.delay = delay;
        return this;
    }

    /** Token requests received so far, answered or not. */
    public int tokenRequests() {
        return tokenRequests.get();
    }

    /** The {@code scope} of every token request, in arrival order. */
    public List<String> requestedScopes() {
        return List.copyOf(requestedScopes);
    }

    /** Paths asked for that are not the token endpoint (MSAL discovery, if it ever asks). */
    public List<String> unexpectedPaths() {
        return List.copyOf(unexpectedPaths);
    }

    /** True for an access token this fake issued; {@link FakeGraph} uses it to check bearer tokens. */
    public boolean issued(String accessToken) {
        return issuedTokens.contains(accessToken);
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
        String[] segments = request.getRequestUrl().encodedPath().split("/");
        if (!"POST".equals(request.getMethod()) || segments.length != 5
                || !"oauth2".equals(segments[2]) || !"v2.0".equals(segments[3]) || !"token".equals(segments[4])) {
            unexpectedPaths.add(request.getMethod() + " " + request.getPath());
            return new MockResponse().setResponseCode(404);
        }
        tokenRequests.incrementAndGet();
        if (hanging) {
            return new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
        }
        Map<String, String> form = form(request.getBody().readUtf8());
        requestedScopes.add(form.getOrDefault("scope", ""));
        MockResponse response = tokenResponse(segments[1], form);
        return response.setHeadersDelay(delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private MockResponse tokenResponse(String tenantId, Map<String, String> form) {
        if (serverErrorStatus != 0) {
            return error(serverErrorStatus, "temporarily_unavailable", 50001,
                    "AADSTS50001: The service is temporarily unavailable.");
        }
        String clientId = form.getOrDefault("client_id", "");
        Map<String, Map<String, Boolean>> apps = secretsExpiredByAppByTenant.get(tenantId);
        if (apps == null) {
            return error(400, "invalid_request", 90002, "AADSTS90002: Tenant '" + tenantId + "' not found. Check to make"
                    + " sure you have the correct tenant ID and are signing into the correct cloud.");
        }
        Map<String, Boolean> secrets = apps.get(clientId);
        if (secrets == null) {
            return error(400, "unauthorized_client", 700016, "AADSTS700016: Application with identifier '" + clientId
                    + "' was not found in the directory '" + tenantId + "'. This can happen if the application has"
                    + " not been installed by the administrator of the tenant or consented to by any user in the"
                    + " tenant. You may have sent your authentication request to the wrong tenant.");
        }
        Boolean expired = secrets.get(form.getOrDefault("client_secret", ""));
        if (expired == null) {
            return error(401, "invalid_client", 7000215, "AADSTS7000215: Invalid client secret provided. Ensure the"
                    + " secret being sent in the request is the client secret value, not the client secret ID, for"
                    + " a secret added to app '" + clientId + "'.");
        }
        if (expired) {
            return error(401, "invalid_client", 7000222, "AADSTS7000222: The provided client secret keys for app '"
                    + clientId + "' are expired. Visit the Azure portal to create new keys for your app:"
                    + " https://aka.ms/NewClientSecret, or consider using certificate credentials for added security:"
                    + " https://aka.ms/certCreds.");
        }
        String token = "fake-entra-" + UUID.randomUUID();
        issuedTokens.add(token);
        return json(200, "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,"
                + "\"access_token\":\"" + token + "\"}");
    }

    /** Entra's error shape: the description ends with trace and correlation ids and a timestamp. */
    private static MockResponse error(int status, String error, int code, String description) {
        String traceId = UUID.randomUUID().toString();
        String correlationId = UUID.randomUUID().toString();
        String timestamp = Instant.now().toString();
        String body = "{\"error\":\"" + error + "\",\"error_description\":\"" + description.replace("\"", "\\\"")
                + " Trace ID: " + traceId + " Correlation ID: " + correlationId + " Timestamp: " + timestamp + "\","
                + "\"error_codes\":[" + code + "],\"timestamp\":\"" + timestamp + "\",\"trace_id\":\"" + traceId
                + "\",\"correlation_id\":\"" + correlationId + "\",\"error_uri\":"
                + "\"https://login.microsoftonline.com/error?code=" + code + "\"}";
        return json(status, body);
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status)
                .setHeader("Content-Type", "application/json; charset=utf-8")
                .setHeader("Cache-Control", "no-store, no-cache")
                .setBody(body);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new ConcurrentHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }
}
