package com.enrollbot.demo.standin;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Entra ID's token endpoint ({@code POST /{tenant}/oauth2/v2.0/token}, client-credentials grant): registered
 * tenants, apps and secrets decide the answer, in Entra's wire format: unknown tenant → 400 AADSTS90002, unknown
 * app in the tenant → 400 AADSTS700016, wrong secret → 401 AADSTS7000215, expired secret → 401 AADSTS7000222.
 * It remembers which tenant each access token it issued belongs to, so a stand-in Graph can check bearer tokens
 * and show each tenant only its own users. Thread-safe. The demo's stand-in and the tests' {@code FakeEntra}
 * both answer through it.
 */
public final class EntraTokens {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String tokenPrefix;
    private final Map<String, Map<String, Map<String, Boolean>>> secretsExpiredByAppByTenant = new ConcurrentHashMap<>();
    private final Map<String, String> tenantByToken = new ConcurrentHashMap<>();

    /** {@code tokenPrefix} starts every access token issued, so a log or a test can tell whose token it is. */
    public EntraTokens(String tokenPrefix) {
        this.tokenPrefix = tokenPrefix;
    }

    /** Registers the tenant if needed, the app in it and a valid secret for the app. */
    public EntraTokens registerApp(String tenantId, String clientId, String secret) {
        secretsExpiredByAppByTenant.computeIfAbsent(tenantId, t -> new ConcurrentHashMap<>())
                .computeIfAbsent(clientId, c -> new ConcurrentHashMap<>())
                .put(secret, false);
        return this;
    }

    /** Registers a tenant with no apps: every app is then answered with AADSTS700016. */
    public EntraTokens registerTenant(String tenantId) {
        secretsExpiredByAppByTenant.computeIfAbsent(tenantId, t -> new ConcurrentHashMap<>());
        return this;
    }

    public EntraTokens expireSecret(String tenantId, String clientId, String secret) {
        secretsExpiredByAppByTenant.get(tenantId).get(clientId).put(secret, true);
        return this;
    }

    /** True for an access token issued here. */
    public boolean issued(String accessToken) {
        return accessToken != null && tenantByToken.containsKey(accessToken);
    }

    /** The tenant an access token issued here was issued for. */
    public Optional<String> tenantOf(String accessToken) {
        return accessToken == null ? Optional.empty() : Optional.ofNullable(tenantByToken.get(accessToken));
    }

    /** The tenant of a token request path {@code /{tenant}/oauth2/v2.0/token}; empty for any other path. */
    public static Optional<String> tenantOfTokenPath(String path) {
        String[] segments = path.split("/");
        if (segments.length != 5 || !segments[0].isEmpty() || segments[1].isEmpty() || !"oauth2".equals(segments[2])
                || !"v2.0".equals(segments[3]) || !"token".equals(segments[4])) {
            return Optional.empty();
        }
        return Optional.of(segments[1]);
    }

    /** Answers a token request for the tenant, given its decoded form body. */
    public StandInAnswer answer(String tenantId, Map<String, String> form) {
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
        String token = tokenPrefix + UUID.randomUUID();
        tenantByToken.put(token, tenantId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token_type", "Bearer");
        body.put("expires_in", 3599);
        body.put("ext_expires_in", 3599);
        body.put("access_token", token);
        return json(200, body);
    }

    /** What Entra answers while it is unavailable, with the given 5xx status. */
    public static StandInAnswer temporarilyUnavailable(int status) {
        return error(status, "temporarily_unavailable", 50001, "AADSTS50001: The service is temporarily unavailable.");
    }

    /** Entra's error shape: the description ends with trace and correlation ids and a timestamp. */
    public static StandInAnswer error(int status, String error, int code, String description) {
        String traceId = UUID.randomUUID().toString();
        String correlationId = UUID.randomUUID().toString();
        String timestamp = Instant.now().toString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description + " Trace ID: " + traceId + " Correlation ID: " + correlationId
                + " Timestamp: " + timestamp);
        body.put("error_codes", new int[] {code});
        body.put("timestamp", timestamp);
        body.put("trace_id", traceId);
        body.put("correlation_id", correlationId);
        body.put("error_uri", "https://login.microsoftonline.com/error?code=" + code);
        return json(status, body);
    }

    /** An {@code application/x-www-form-urlencoded} body as name → value. */
    public static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static StandInAnswer json(int status, Map<String, Object> body) {
        try {
            return new StandInAnswer(status, Map.of("Content-Type", "application/json; charset=utf-8",
                    "Cache-Control", "no-store, no-cache"), JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
