package com.enrollbot.entra;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Keeps the directory's Graph token until it is due for refresh. MSAL's own cache misses whenever the
 * authority URL carries a port (stack trap 8), and a token per Graph call is a defect either way.
 * <p>
 * Written instead of azure-core's {@code SimpleTokenCache} on purpose: after a failed fetch that cache delays
 * the next attempt by 30 s, which would turn a corrected outage into a TIMEOUT for every caller in between.
 * Failures are never cached here.
 */
final class CachingTokenCredential implements TokenCredential {

    /** Refresh a little early so a token never expires between being handed out and reaching Graph. */
    private static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(5);

    private final TokenCredential source;
    private final List<String> scopes;
    private final Object fetchLock = new Object();
    private volatile AccessToken current;

    CachingTokenCredential(TokenCredential source, String scope) {
        this.source = Objects.requireNonNull(source, "source");
        this.scopes = List.of(Objects.requireNonNull(scope, "scope"));
    }

    @Override
    public AccessToken getTokenSync(TokenRequestContext request) {
        if (!scopes.equals(request.getScopes())) {
            return source.getTokenSync(request);
        }
        AccessToken token = current;
        if (fresh(token)) {
            return token;
        }
        // One fetch at a time: concurrent callers wait for it instead of each asking Entra.
        synchronized (fetchLock) {
            token = current;
            if (fresh(token)) {
                return token;
            }
            try {
                current = source.getTokenSync(request);
            } catch (RuntimeException e) {
                if (token != null && !token.isExpired()) {
                    return token;
                }
                throw e;
            }
            return current;
        }
    }

    /** The Graph SDK asks synchronously; this path exists because the interface requires it. */
    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
        return Mono.fromSupplier(() -> getTokenSync(request));
    }

    private static boolean fresh(AccessToken token) {
        if (token == null) {
            return false;
        }
        // CAUTION: azure-identity turns MSAL's "no refresh_in in the response" (0) into a refreshAt of
        // 1970-01-01, which would mean "refresh now" on every call; Entra's client-credentials answers carry
        // no refresh_in, so that value is the norm, not the exception.
        OffsetDateTime refreshAt = token.getRefreshAt() != null && token.getRefreshAt().toEpochSecond() > 0
                ? token.getRefreshAt()
                : token.getExpiresAt().minus(REFRESH_BEFORE_EXPIRY);
        return OffsetDateTime.now().isBefore(refreshAt);
    }
}
