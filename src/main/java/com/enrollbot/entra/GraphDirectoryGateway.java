package com.enrollbot.entra;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.enrollbot.core.directory.DirectoryCredentials;
import com.enrollbot.core.directory.DirectoryFault;
import com.enrollbot.core.directory.DirectoryFault.Kind;
import com.enrollbot.core.directory.DirectoryGateway;
import com.enrollbot.core.directory.DirectoryProfile;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.UserCollectionResponse;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.RequestOption;
import com.microsoft.kiota.authentication.AzureIdentityAuthenticationProvider;
import com.microsoft.kiota.http.middleware.options.RetryHandlerOption;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * {@link DirectoryGateway} over Entra ID (azure-identity client credentials) and Microsoft Graph (SDK v6).
 * <p>
 * Every call runs on a worker thread and the caller waits at most its budget; Graph requests also carry the
 * deadline down to their socket timeouts, and the token endpoint is bounded by fixed timeouts, so abandoned
 * workers end soon after. Graph's own retry handler is switched off: this class retries a 429 itself, and only
 * when the server's {@code Retry-After} still fits in the budget (stack trap 4).
 * <p>
 * No advanced query features are used ({@code eq}, {@code or} and {@code startswith} on these user properties
 * are standard filters), so no {@code ConsistencyLevel} header is needed (stack trap 9).
 */
public final class GraphDirectoryGateway implements DirectoryGateway, AutoCloseable {

    public static final String DEFAULT_GRAPH_BASE_URL = "https://graph.microsoft.com/v1.0";
    public static final String DEFAULT_AUTHORITY_HOST = "https://login.microsoftonline.com";

    private static final String[] PROFILE_FIELDS =
            {"id", "displayName", "userPrincipalName", "mail", "mobilePhone", "accountEnabled", "userType"};
    private static final String[] CONNECTION_CHECK_FIELDS =
            {"id", "displayName", "mail", "mobilePhone", "accountEnabled", "userType"};
    private static final int MAX_SEARCH_LIMIT = 100;
    private static final int MAX_THROTTLE_RETRIES = 3;
    /** Bounds a token request that outlives its caller's budget (the token endpoint takes no per-call deadline). */
    private static final Duration TOKEN_ENDPOINT_READ_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final String graphBaseUrl;
    private final String graphHost;
    private final String graphScope;
    private final String authorityHost;
    private final HttpClient tokenHttpClient;
    private final OkHttpClient graphHttpClient;
    private final Map<UUID, DirectoryClient> clients = new ConcurrentHashMap<>();
    private final ExecutorService workers;
    private final FaultClassifier faults = new FaultClassifier();

    /**
     * @param graphBaseUrl  Graph root with version, e.g. {@value #DEFAULT_GRAPH_BASE_URL}; https only
     * @param authorityHost Entra ID authority, e.g. {@value #DEFAULT_AUTHORITY_HOST}; https only
     * @param edgeClient    decides TLS trust (and proxies) for both Entra ID and Graph; timeouts are set here
     */
    public GraphDirectoryGateway(String graphBaseUrl, String authorityHost, OkHttpClient edgeClient) {
        URI graph = httpsUri("graphBaseUrl", graphBaseUrl);
        httpsUri("authorityHost", authorityHost);
        Objects.requireNonNull(edgeClient, "edgeClient");
        this.graphBaseUrl = stripTrailingSlash(graphBaseUrl);
        this.graphHost = graph.getHost();
        // The token audience is the cloud's Graph root (graph.microsoft.us, microsoftgraph.chinacloudapi.cn, ...).
        this.graphScope = "https://" + graphHost + "/.default";
        this.authorityHost = stripTrailingSlash(authorityHost);
        this.tokenHttpClient = new OkHttpAsyncHttpClientBuilder(edgeClient)
                .connectionTimeout(CONNECT_TIMEOUT)
                .readTimeout(TOKEN_ENDPOINT_READ_TIMEOUT)
                .writeTimeout(TOKEN_ENDPOINT_READ_TIMEOUT)
                .build();
        this.graphHttpClient = graphHttpClient(edgeClient);
        this.workers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "directory-gateway");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public ConnectionCheck checkConnection(DirectoryCredentials credentials, Duration budget) {
        Objects.requireNonNull(credentials, "credentials");
        return call("checkConnection", credentials, budget, (graph, deadline) -> {
            graph.users().get(request -> {
                request.queryParameters.top = 1;
                request.queryParameters.select = CONNECTION_CHECK_FIELDS;
                request.options.add(deadline);
            });
            return (ConnectionCheck) new ConnectionCheck.Connected();
        }, ConnectionCheck.Failed::new);
    }

    @Override
    public ProfileLookup readProfile(DirectoryCredentials credentials, String objectId, Duration budget) {
        Objects.requireNonNull(credentials, "credentials");
        String id = objectId(objectId);
        return call("readProfile", credentials, budget, (graph, deadline) -> {
            try {
                User user = graph.users().byUserId(id).get(request -> {
                    request.queryParameters.select = PROFILE_FIELDS;
                    request.options.add(deadline);
                });
                return (ProfileLookup) new ProfileLookup.Found(profileOf(user));
            } catch (ApiException e) {
                if (e.getResponseStatusCode() == 404) {
                    return new ProfileLookup.NotFound();
                }
                throw e;
            }
        }, ProfileLookup.Failed::new);
    }

    /**
     * Text that cannot be in any UPN, mail or display name (blank, control characters, over
     * {@value PeopleQuery#MAX_LENGTH} characters) finds nobody without asking Graph.
     */
    @Override
    public PeopleSearch searchPeople(DirectoryCredentials credentials, String query, int limit, Duration budget) {
        Objects.requireNonNull(credentials, "credentials");
        if (limit < 1 || limit > MAX_SEARCH_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_SEARCH_LIMIT + ", was " + limit);
        }
        Optional<PeopleQuery> people = PeopleQuery.of(query);
        if (people.isEmpty()) {
            requireBudget(budget);
            return new PeopleSearch.Found(List.of(), false);
        }
        PeopleQuery safe = people.get();
        return call("searchPeople", credentials, budget, (graph, deadline) -> {
            Map<String, DirectoryProfile> found = new LinkedHashMap<>();
            boolean more = false;
            if (safe.couldBeUpnOrMail()) {
                more = collect(graph, deadline, safe.exactUpnOrMailFilter(), limit, found);
            }
            if (found.size() <= limit) {
                more |= collect(graph, deadline, safe.displayNamePrefixFilter(), limit, found);
            }
            List<DirectoryProfile> list = new ArrayList<>(found.values());
            boolean truncated = list.size() > limit;
            return (PeopleSearch) new PeopleSearch.Found(truncated ? list.subList(0, limit) : list, more || truncated);
        }, PeopleSearch.Failed::new);
    }

    @Override
    public void forget(UUID directoryId) {
        clients.remove(Objects.requireNonNull(directoryId, "directoryId"));
    }

    @Override
    public void close() {
        workers.shutdownNow();
        clients.clear();
    }

    /** Reads one page of at most limit + 1 users, so the caller learns whether there are more. */
    private static boolean collect(GraphServiceClient graph, CallDeadline deadline, String filter, int limit,
                                   Map<String, DirectoryProfile> found) {
        UserCollectionResponse page = graph.users().get(request -> {
            request.queryParameters.filter = filter;
            request.queryParameters.select = PROFILE_FIELDS;
            request.queryParameters.top = limit + 1;
            request.options.add(deadline);
        });
        List<User> users = page == null || page.getValue() == null ? List.of() : page.getValue();
        for (User user : users) {
            found.putIfAbsent(user.getId(), profileOf(user));
        }
        return users.size() > limit || (page != null && page.getOdataNextLink() != null);
    }

    private interface GraphCall<T> {
        T run(GraphServiceClient graph, CallDeadline deadline);
    }

    private <T> T call(String operation, DirectoryCredentials credentials, Duration budget, GraphCall<T> graphCall,
                       Function<DirectoryFault, T> failed) {
        Instant deadline = Instant.now().plus(requireBudget(budget));
        GraphServiceClient graph;
        try {
            graph = clientFor(credentials);
        } catch (IllegalArgumentException e) {
            // azure-identity refuses a tenant id with characters no tenant id has; Entra would say AADSTS90002.
            return failed.apply(faults.logged(operation,
                    new DirectoryFault(Kind.TENANT_NOT_FOUND, "tenant id is not a valid Entra tenant id")));
        }
        Future<T> result = workers.submit(() -> withThrottleRetries(graph, deadline, graphCall));
        try {
            return result.get(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            return failed.apply(faults.logged(operation,
                    new DirectoryFault(Kind.TIMEOUT, "no answer within " + budget.toMillis() + " ms")));
        } catch (ExecutionException e) {
            return failed.apply(e.getCause() instanceof ThrottledBeyondBudget throttled
                    ? faults.logged(operation, throttled.fault())
                    : faults.classify(operation, e.getCause()));
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            return failed.apply(new DirectoryFault(Kind.TIMEOUT, "interrupted while waiting for the directory"));
        }
    }

    private <T> T withThrottleRetries(GraphServiceClient graph, Instant deadline, GraphCall<T> graphCall)
            throws InterruptedException {
        CallDeadline callDeadline = new CallDeadline(deadline);
        for (int attempt = 0; ; attempt++) {
            try {
                return graphCall.run(graph, callDeadline);
            } catch (ApiException e) {
                if (e.getResponseStatusCode() != 429) {
                    throw e;
                }
                Duration retryAfter = retryAfter(e);
                Duration remaining = Duration.between(Instant.now(), deadline);
                if (attempt >= MAX_THROTTLE_RETRIES || retryAfter.compareTo(remaining) >= 0) {
                    throw new ThrottledBeyondBudget(new DirectoryFault(Kind.THROTTLED, "Graph HTTP 429, Retry-After "
                            + retryAfter.toSeconds() + " s, " + Math.max(0, remaining.toMillis()) + " ms of budget left"));
                }
                Thread.sleep(retryAfter.toMillis());
            }
        }
    }

    /** Graph sends Retry-After in seconds; without a usable value wait one second, as Graph's SDKs do. */
    private static Duration retryAfter(ApiException throttled) {
        for (Map.Entry<String, Set<String>> header : throttled.getResponseHeaders().entrySet()) {
            if ("retry-after".equalsIgnoreCase(header.getKey())) {
                for (String value : header.getValue()) {
                    try {
                        return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
                    } catch (NumberFormatException ignored) {
                        // an HTTP date: fall through to the default
                    }
                }
            }
        }
        return Duration.ofSeconds(1);
    }

    private GraphServiceClient clientFor(DirectoryCredentials credentials) {
        String fingerprint = credentials.fingerprint();
        return clients.compute(credentials.directoryId(), (id, cached) ->
                cached != null && cached.fingerprint().equals(fingerprint) ? cached : newClient(credentials)).graph();
    }

    private DirectoryClient newClient(DirectoryCredentials credentials) {
        TokenCredential secretCredential = new ClientSecretCredentialBuilder()
                .authorityHost(authorityHost)
                .tenantId(credentials.tenantId())
                .clientId(credentials.clientId())
                .clientSecret(credentials.clientSecret())
                .disableInstanceDiscovery()
                .httpClient(tokenHttpClient)
                // azure-core would retry the token endpoint 3 times with backoff, far past any budget.
                .retryOptions(new RetryOptions(new FixedDelayOptions(0, Duration.ZERO)))
                .build();
        TokenCredential cached = new CachingTokenCredential(secretCredential, graphScope);
        var authentication = new AzureIdentityAuthenticationProvider(cached, new String[] {graphHost}, graphScope);
        GraphServiceClient graph = new GraphServiceClient(authentication, graphHttpClient);
        graph.getRequestAdapter().setBaseUrl(graphBaseUrl);
        return new DirectoryClient(credentials.fingerprint(), graph);
    }

    private static OkHttpClient graphHttpClient(OkHttpClient edgeClient) {
        // Retries are ours (withThrottleRetries): Graph's handler would sleep up to 3 × Retry-After.
        RetryHandlerOption noRetries = new RetryHandlerOption((delay, attempt, request, response) -> false, 0, 0);
        OkHttpClient.Builder builder = edgeClient.newBuilder()
                .followRedirects(false)
                .connectTimeout(CONNECT_TIMEOUT);
        for (Interceptor interceptor : GraphClientFactory.createDefaultGraphInterceptors(new RequestOption[] {noRetries})) {
            builder.addInterceptor(interceptor);
        }
        return builder.addInterceptor(new DeadlineInterceptor()).build();
    }

    private static DirectoryProfile profileOf(User user) {
        return new DirectoryProfile(user.getId(), user.getDisplayName(), user.getUserPrincipalName(), user.getMail(),
                user.getMobilePhone(), user.getAccountEnabled(), user.getUserType());
    }

    private static Duration requireBudget(Duration budget) {
        Objects.requireNonNull(budget, "budget");
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("budget must be positive, was " + budget);
        }
        return budget;
    }

    /** Entra object ids are GUIDs; anything else would let a caller address other Graph paths. */
    private static String objectId(String objectId) {
        Objects.requireNonNull(objectId, "objectId");
        try {
            return UUID.fromString(objectId).toString();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("objectId must be an Entra object id (a GUID)");
        }
    }

    private static URI httpsUri(String name, String value) {
        Objects.requireNonNull(value, name);
        URI uri = URI.create(value);
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(name + " must be an absolute https URL, was " + value);
        }
        return uri;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private record DirectoryClient(String fingerprint, GraphServiceClient graph) { }

    /** Carries a THROTTLED verdict out of the worker thread without an ApiException's baggage. */
    private static final class ThrottledBeyondBudget extends RuntimeException {
        private final transient DirectoryFault fault;

        ThrottledBeyondBudget(DirectoryFault fault) {
            super(fault.detail(), null, false, false);
            this.fault = fault;
        }

        DirectoryFault fault() {
            return fault;
        }
    }
}
