package com.enrollbot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.enrollbot.demo.standin.EntraTokens;
import com.enrollbot.demo.standin.StandInAnswer;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * A fake Entra ID token endpoint ({@code POST /{tenant}/oauth2/v2.0/token}, client-credentials grant) over
 * HTTPS. The answers come from {@link EntraTokens}, the protocol the demo mode's stand-in serves too (unknown
 * tenant → 400 AADSTS90002, unknown app in the tenant → 400 AADSTS700016, wrong secret → 401 AADSTS7000215,
 * expired secret → 401 AADSTS7000222); this class adds what only tests need: request counts, 5xx, hangs and
 * delays. Give the application {@link #baseUrl()} as {@code ENTRA_AUTHORITY_HOST}. Thread-safe: MockWebServer
 * answers on its own threads.
 */
public final class FakeEntra implements AutoCloseable {

    private final MockWebServer server = new MockWebServer();
    private final EntraTokens tokens = new EntraTokens("fake-entra-");
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
        tokens.registerApp(tenantId, clientId, secret);
        return this;
    }

    /** Registers a tenant with no apps: every app is then answered with AADSTS700016. */
    public FakeEntra registerTenant(String tenantId) {
        tokens.registerTenant(tenantId);
        return this;
    }

    public FakeEntra expireSecret(String tenantId, String clientId, String secret) {
        tokens.expireSecret(tenantId, clientId, secret);
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
        return tokens.issued(accessToken);
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
        String path = request.getRequestUrl().encodedPath();
        Optional<String> tenantId = EntraTokens.tenantOfTokenPath(path);
        if (!"POST".equals(request.getMethod()) || tenantId.isEmpty()) {
            unexpectedPaths.add(request.getMethod() + " " + request.getPath());
            return new MockResponse().setResponseCode(404);
        }
        tokenRequests.incrementAndGet();
        if (hanging) {
            return new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
        }
        Map<String, String> form = EntraTokens.form(request.getBody().readUtf8());
        requestedScopes.add(form.getOrDefault("scope", ""));
        StandInAnswer answer = serverErrorStatus != 0
                ? EntraTokens.temporarilyUnavailable(serverErrorStatus)
                : tokens.answer(tenantId.get(), form);
        return mockResponse(answer).setHeadersDelay(delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The same answer as MockWebServer sends it; {@link FakeGraph} uses it too. */
    static MockResponse mockResponse(StandInAnswer answer) {
        MockResponse response = new MockResponse().setResponseCode(answer.status()).setBody(answer.body());
        answer.headers().forEach(response::setHeader);
        return response;
    }
}
