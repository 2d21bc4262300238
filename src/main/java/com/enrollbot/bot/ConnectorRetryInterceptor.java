package com.enrollbot.bot;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Retries replies that Teams' Bot Connector throttled (429) or could not take (412, 502, 503, 504), with
 * jittered exponential backoff that honours {@code Retry-After}. The total wait is bounded: replies are sent
 * inside the turn, and Teams waits for the turn's HTTP answer.
 */
final class ConnectorRetryInterceptor implements Interceptor {

    private final int maxRetries;
    private final Duration baseDelay;
    private final Duration maxTotalWait;

    ConnectorRetryInterceptor(int maxRetries, Duration baseDelay, Duration maxTotalWait) {
        this.maxRetries = maxRetries;
        this.baseDelay = baseDelay;
        this.maxTotalWait = maxTotalWait;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        long waited = 0;
        for (int attempt = 1; attempt <= maxRetries && retryable(response.code()); attempt++) {
            long delay = delayMillis(response, attempt);
            if (waited + delay > maxTotalWait.toMillis()) {
                break;
            }
            response.close();
            sleep(delay);
            waited += delay;
            response = chain.proceed(chain.request());
        }
        return response;
    }

    private static boolean retryable(int code) {
        return code == 429 || code == 412 || code == 502 || code == 503 || code == 504;
    }

    private long delayMillis(Response response, int attempt) {
        String retryAfter = response.header("Retry-After");
        if (retryAfter != null && retryAfter.trim().matches("\\d{1,4}")) {
            return Long.parseLong(retryAfter.trim()) * 1000L;
        }
        long exponential = baseDelay.toMillis() << (attempt - 1);
        return exponential / 2 + ThreadLocalRandom.current().nextLong(exponential / 2 + 1);
    }

    private static void sleep(long millis) throws InterruptedIOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while backing off from the Bot Connector");
        }
    }
}
