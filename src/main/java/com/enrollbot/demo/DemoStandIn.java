package com.enrollbot.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.enrollbot.demo.standin.EntraTokens;
import com.enrollbot.demo.standin.GraphUsers;
import com.enrollbot.demo.standin.StandInAnswer;
import com.enrollbot.demo.standin.StandInUsers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.springframework.context.SmartLifecycle;

/**
 * The demo's local stand-in for Entra ID (token endpoint) and Microsoft Graph ({@code /v1.0/users}), serving the
 * {@link DemoCompany} tenants on one loopback HTTPS port with a certificate made at startup. Their people can be
 * changed through Graph's {@code PATCH /v1.0/users/{id}}, as an IT admin fixes a profile; changes last until the
 * stand-in stops. The bot reaches it through its real azure-identity and Graph SDK code, with
 * {@link #trustingClient()} as its edge client: that client trusts this certificate only, so nothing in demo mode
 * can reach a real Microsoft endpoint.
 * <p>
 * The port is bound when this is made (the URLs must be known before the application's settings are read); the
 * server threads start with the application context and stop with it.
 */
final class DemoStandIn implements SmartLifecycle, AutoCloseable {

    private static final String HOST = "127.0.0.1";

    private final HttpsServer server;
    private final ExecutorService workers;
    private final HandshakeCertificates clientCertificates;
    private final String certificatePem;
    private final EntraTokens tokens = new EntraTokens("demo-entra-");
    private final Map<String, StandInUsers> peopleByTenant = new HashMap<>();
    private final String origin;
    private volatile boolean running;
    private boolean closed;

    private DemoStandIn(HttpsServer server, ExecutorService workers, HandshakeCertificates clientCertificates,
                        String certificatePem) {
        this.server = server;
        this.workers = workers;
        this.clientCertificates = clientCertificates;
        this.certificatePem = certificatePem;
        this.origin = "https://" + HOST + ":" + server.getAddress().getPort();
        for (DemoCompany.Tenant tenant : DemoCompany.TENANTS) {
            tokens.registerApp(tenant.tenantId(), tenant.clientId(), tenant.clientSecret())
                    .registerApp(tenant.tenantId(), tenant.clientId(), tenant.newClientSecret());
            peopleByTenant.put(tenant.tenantId(), new StandInUsers(tenant.people()));
        }
        server.createContext("/v1.0/", this::graph);
        server.createContext("/", this::entra);
        server.setExecutor(workers);
    }

    /** Binds a loopback port and makes the certificate; nothing is served until {@link #start()}. */
    static DemoStandIn bind() {
        HeldCertificate certificate = new HeldCertificate.Builder()
                .commonName("enrollbot demo stand-in")
                .addSubjectAlternativeName(HOST)
                .addSubjectAlternativeName("localhost")
                .build();
        HandshakeCertificates serverCertificates = new HandshakeCertificates.Builder().heldCertificate(certificate).build();
        HandshakeCertificates clientCertificates = new HandshakeCertificates.Builder()
                .addTrustedCertificate(certificate.certificate())
                .build();
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName(HOST), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(serverCertificates.sslContext()));
            AtomicInteger count = new AtomicInteger();
            ExecutorService workers = Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, "demo-stand-in-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            return new DemoStandIn(server, workers, clientCertificates, certificate.certificatePem());
        } catch (IOException e) {
            throw new UncheckedIOException("The demo stand-in for Entra ID and Graph could not bind a loopback port", e);
        }
    }

    /** {@code ENTRA_AUTHORITY_HOST} in demo mode. */
    String authorityHost() {
        return origin;
    }

    /** {@code GRAPH_BASE_URL} in demo mode. */
    String graphBaseUrl() {
        return origin + "/v1.0";
    }

    /** The stand-in's certificate, for clients other than the bot (curl) to trust. */
    String certificatePem() {
        return certificatePem;
    }

    /** An edge client that trusts this stand-in's certificate and nothing else. */
    OkHttpClient trustingClient() {
        return new OkHttpClient.Builder()
                .sslSocketFactory(clientCertificates.sslSocketFactory(), clientCertificates.trustManager())
                .build();
    }

    @Override
    public synchronized void start() {
        if (!running && !closed) {
            server.start();
            running = true;
        }
    }

    @Override
    public void stop() {
        close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            running = false;
            server.stop(0);
            workers.shutdownNow();
        }
    }

    private void entra(HttpExchange exchange) throws IOException {
        try (exchange) {
            Optional<String> tenantId = EntraTokens.tenantOfTokenPath(exchange.getRequestURI().getPath());
            if (!"POST".equals(exchange.getRequestMethod()) || tenantId.isEmpty()) {
                send(exchange, new StandInAnswer(404, Map.of(), ""));
                return;
            }
            Map<String, String> form = EntraTokens.form(body(exchange.getRequestBody()));
            send(exchange, tokens.answer(tenantId.get(), form));
        }
    }

    private void graph(HttpExchange exchange) throws IOException {
        try (exchange) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            Optional<String> tenantId = authorization != null && authorization.startsWith("Bearer ")
                    ? tokens.tenantOf(authorization.substring("Bearer ".length()))
                    : Optional.empty();
            if (tenantId.isEmpty()) {
                send(exchange, GraphUsers.unauthorized());
                return;
            }
            // Every token is issued for a demo tenant, so a token only ever reaches its own tenant's people.
            StandInUsers people = peopleByTenant.get(tenantId.get());
            send(exchange, GraphUsers.answer(graphBaseUrl(), exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    query(exchange.getRequestURI().getRawQuery()), body(exchange.getRequestBody()), people));
        }
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            query.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }

    private static String body(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, StandInAnswer answer) throws IOException {
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
