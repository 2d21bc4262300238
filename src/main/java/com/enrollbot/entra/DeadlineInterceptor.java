package com.enrollbot.entra;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Shrinks connect, read and write timeouts of a Graph request to what is left of its call's budget, so a
 * hanging Graph frees the worker thread when the caller gives up instead of minutes later.
 */
final class DeadlineInterceptor implements Interceptor {

    @Override
    public Response intercept(Chain chain) throws IOException {
        CallDeadline deadline = chain.request().tag(CallDeadline.class);
        if (deadline == null) {
            return chain.proceed(chain.request());
        }
        long remainingMillis = Duration.between(Instant.now(), deadline.instant()).toMillis();
        if (remainingMillis <= 0) {
            throw new InterruptedIOException("call budget spent before the request was sent");
        }
        int timeout = (int) Math.min(remainingMillis, Integer.MAX_VALUE);
        return chain.withConnectTimeout(timeout, TimeUnit.MILLISECONDS)
                .withReadTimeout(timeout, TimeUnit.MILLISECONDS)
                .withWriteTimeout(timeout, TimeUnit.MILLISECONDS)
                .proceed(chain.request());
    }
}
