package com.enrollbot.demo.standin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Microsoft Graph's {@code GET /v1.0/users} ({@code $select}, {@code $top}, {@code $filter} as {@link UserFilter}
 * describes, paging by {@code @odata.nextLink}), {@code GET /v1.0/users/{id}} ({@code $select}) and
 * {@code PATCH /v1.0/users/{id}} (a JSON object of the properties to change; 204 No Content), in Graph's wire
 * format. As Graph does, {@code $select} replaces the default property set and selected properties without a
 * value are written as {@code null}. The caller checks the bearer token and hands over the users that token may
 * see and change. The demo's stand-in Graph and the tests' {@code FakeGraph} both answer through it.
 */
public final class GraphUsers {

    private static final Set<String> PROPERTIES =
            Set.of("id", "displayName", "userPrincipalName", "mail", "mobilePhone", "accountEnabled", "userType");
    /** What Graph returns for a user without $select, among the properties this stand-in knows. */
    private static final List<String> DEFAULT_PROPERTIES =
            List.of("id", "displayName", "userPrincipalName", "mail", "mobilePhone");
    /** The properties a PATCH may set to null (Graph clears them); the others need a value. */
    private static final Set<String> CLEARABLE = Set.of("mail", "mobilePhone");
    private static final Set<String> QUERY_OPTIONS = Set.of("$select", "$top", "$filter", "$skiptoken");
    private static final int DEFAULT_PAGE_SIZE = 100;
    private static final int MAX_PAGE_SIZE = 999;
    private static final ObjectMapper JSON = new ObjectMapper();

    private GraphUsers() {
    }

    /**
     * Answers one request. {@code baseUrl} is the Graph root as clients see it (e.g.
     * {@code https://127.0.0.1:50124/v1.0}), {@code path} the decoded request path, {@code query} the decoded
     * query parameters, {@code body} the request body (empty for a GET).
     */
    public static StandInAnswer answer(String baseUrl, String method, String path, Map<String, String> query,
                                       String body, StandInUsers users) {
        List<String> segments = List.of(path.replaceFirst("^/", "").split("/", -1));
        if (segments.size() < 2 || !"v1.0".equals(segments.get(0)) || !"users".equals(segments.get(1))
                || segments.size() > 3) {
            return error(400, "BadRequest", "Resource not found for the segment '" + String.join("/", segments) + "'.");
        }
        boolean oneUser = segments.size() == 3;
        if (!"GET".equals(method) && !("PATCH".equals(method) && oneUser)) {
            return error(405, "Request_BadRequest", "Specified HTTP method is not allowed for the request uri.");
        }
        for (String name : query.keySet()) {
            if (!QUERY_OPTIONS.contains(name)) {
                return error(400, "BadRequest", "Query option '" + name + "' is not supported by this stand-in.");
            }
        }
        if ("PATCH".equals(method)) {
            return update(segments.get(2), body, users);
        }
        try {
            List<String> select = select(query.get("$select"));
            return oneUser
                    ? user(baseUrl, segments.get(2), select, users)
                    : users(baseUrl, query, select, users.all());
        } catch (IllegalArgumentException e) {
            return error(400, "BadRequest", e.getMessage());
        }
    }

    /** What Graph answers a request without a bearer token it accepts. */
    public static StandInAnswer unauthorized() {
        return error(401, "InvalidAuthenticationToken", "Access token is empty or invalid.");
    }

    /** Graph's error shape: {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}. */
    public static StandInAnswer error(int status, String code, String message) {
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

    private static StandInAnswer update(String id, String body, StandInUsers users) {
        JsonNode changes;
        try {
            changes = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            changes = null;
        }
        if (changes == null || !changes.isObject()) {
            return error(400, "BadRequest", "Unable to read JSON request payload. Please ensure Content-Type header"
                    + " is set and payload is of valid JSON format.");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> change : changes.properties()) {
            String property = change.getKey();
            JsonNode value = change.getValue();
            if ("id".equals(property)) {
                return error(400, "Request_BadRequest", "Property 'id' is read-only and cannot be set.");
            }
            if (!PROPERTIES.contains(property)) {
                return error(400, "Request_BadRequest",
                        "Property '" + property + "' does not exist as a declared property or extension property.");
            }
            boolean typed = "accountEnabled".equals(property) ? value.isBoolean() : value.isTextual();
            if (!typed && !(value.isNull() && CLEARABLE.contains(property))) {
                return error(400, "Request_BadRequest",
                        "Invalid value specified for property '" + property + "' of resource 'User'.");
            }
            values.put(property, value.isBoolean() ? Boolean.valueOf(value.booleanValue()) : value.textValue());
        }
        if (users.update(id, user -> user.with(values)).isEmpty()) {
            return notFound(id);
        }
        return new StandInAnswer(204, Map.of(), "");
    }

    private static StandInAnswer notFound(String id) {
        return error(404, "Request_ResourceNotFound", "Resource '" + id
                + "' does not exist or one of its queried reference-property objects are not present.");
    }

    /** By id from the map, not a scan: the benchmark reads one of 60,000 users per enrollment step. */
    private static StandInAnswer user(String baseUrl, String id, List<String> select, StandInUsers users) {
        DirectoryUser user = users.get(id).orElse(null);
        if (user == null) {
            return notFound(id);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", baseUrl + "/$metadata#users(" + String.join(",", select) + ")/$entity");
        body.putAll(selected(user, select));
        return respond(200, body);
    }

    private static StandInAnswer users(String baseUrl, Map<String, String> query, List<String> select,
                                       List<DirectoryUser> users) {
        int top = top(query.get("$top"));
        int skip = skip(query.get("$skiptoken"));
        Predicate<Map<String, Object>> filter = query.containsKey("$filter")
                ? UserFilter.parse(query.get("$filter"))
                : user -> true;
        List<Map<String, Object>> matches = new ArrayList<>();
        for (DirectoryUser user : users) {
            if (filter.test(user.properties())) {
                matches.add(selected(user, select));
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", baseUrl + "/$metadata#users(" + String.join(",", select) + ")");
        body.put("value", matches.subList(Math.min(skip, matches.size()), Math.min(skip + top, matches.size())));
        if (skip + top < matches.size()) {
            Map<String, String> next = new LinkedHashMap<>(query);
            next.put("$skiptoken", String.valueOf(skip + top));
            body.put("@odata.nextLink", baseUrl + "/users?" + next.entrySet().stream()
                    .map(parameter -> encode(parameter.getKey()) + "=" + encode(parameter.getValue()))
                    .collect(Collectors.joining("&")));
        }
        return respond(200, body);
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

    private static int skip(String skipToken) {
        if (skipToken == null) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(skipToken));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The skip token '" + skipToken + "' is not valid.");
        }
    }

    private static Map<String, Object> selected(DirectoryUser user, List<String> select) {
        Map<String, Object> all = user.properties();
        Map<String, Object> selected = new LinkedHashMap<>();
        for (String property : select) {
            selected.put(property, all.get(property));
        }
        return selected;
    }

    /** Spaces as %20, never '+': both OkHttp's and the JDK's query decoders then read the value back unchanged. */
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static StandInAnswer respond(int status, Object body) {
        try {
            return new StandInAnswer(status,
                    Map.of("Content-Type", "application/json;odata.metadata=minimal;odata.streaming=true;charset=utf-8"),
                    JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
