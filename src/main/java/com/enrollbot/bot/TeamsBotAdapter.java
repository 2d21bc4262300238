package com.enrollbot.bot;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.ChannelProvider;
import com.microsoft.bot.connector.authentication.CredentialProvider;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.restclient.retry.RetryStrategy;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.Response;

/**
 * botbuilder's adapter with two changes that production needs.
 * <ul>
 *   <li>Replies go through one shared OkHttp dispatcher and connection pool sized for a busy bot. The SDK's
 *   defaults (5 requests per host, 5 idle connections) cap a bot at a few dozen replies a second once the
 *   connector takes 100 ms, and open a new connection for most replies.</li>
 *   <li>Outgoing tokens for a single-tenant bot come from its own tenant ({@code MicrosoftAppTenantId}).</li>
 * </ul>
 */
final class TeamsBotAdapter extends BotFrameworkAdapter {

    private static final int MAX_REPLIES_IN_FLIGHT = 512;

    private final CredentialProvider credentials;
    private final String appTenantId;
    private final Dispatcher dispatcher;
    private final ConnectionPool connectionPool;
    private final Map<String, ConnectorClient> clients = new ConcurrentHashMap<>();

    TeamsBotAdapter(CredentialProvider credentials, AuthenticationConfiguration authConfig,
                    ChannelProvider channels, String appTenantId) {
        super(credentials, authConfig, channels, null, null);
        this.credentials = credentials;
        this.appTenantId = appTenantId == null || appTenantId.isBlank() ? null : appTenantId;
        this.dispatcher = new Dispatcher();
        this.dispatcher.setMaxRequests(MAX_REPLIES_IN_FLIGHT);
        this.dispatcher.setMaxRequestsPerHost(MAX_REPLIES_IN_FLIGHT);
        this.connectionPool = new ConnectionPool(128, 5, TimeUnit.MINUTES);
    }

    @Override
    protected CompletableFuture<AppCredentials> buildAppCredentials(String appId, String scope) {
        return credentials.getAppPassword(appId)
                .thenApply(password -> new MicrosoftAppCredentials(appId, password, appTenantId, scope));
    }

    @Override
    protected CompletableFuture<ConnectorClient> getOrCreateConnectorClient(String serviceUrl, AppCredentials appCredentials) {
        AppCredentials usable = appCredentials != null ? appCredentials : MicrosoftAppCredentials.empty();
        String key = serviceUrl + "|" + usable.getAppId() + "|" + usable.oAuthScope();
        try {
            return CompletableFuture.completedFuture(clients.computeIfAbsent(key, k -> newClient(serviceUrl, usable)));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private ConnectorClient newClient(String serviceUrl, AppCredentials appCredentials) {
        String baseUrl;
        try {
            baseUrl = new URI(serviceUrl).toURL().toString();
        } catch (Exception e) {
            throw new IllegalArgumentException("Invalid service URL", e);
        }
        return new RestConnectorClient(RestConnectorClient.getDefaultRestClientBuilder(baseUrl, appCredentials)
                .withDispatcher(dispatcher)
                .withConnectionPool(connectionPool)
                .withConnectionTimeout(5, TimeUnit.SECONDS)
                .withReadTimeout(15, TimeUnit.SECONDS)
                .withInterceptor(new ConnectorRetryInterceptor(3, Duration.ofMillis(250), Duration.ofSeconds(3)))
                .withRetryStrategy(NO_SDK_RETRIES)
                .build());
    }

    /** The SDK's own strategy retries 5xx at once, with no backoff: {@link ConnectorRetryInterceptor} does it right. */
    private static final RetryStrategy NO_SDK_RETRIES = new RetryStrategy("none", false) {
        @Override
        public boolean shouldRetry(int retryCount, Response response) {
            return false;
        }
    };
}
