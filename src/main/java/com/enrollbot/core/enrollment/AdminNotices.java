package com.enrollbot.core.enrollment;

import java.time.Duration;
import java.time.Instant;

/** Port: remembers which notices an organization's admins got, so each reaches them once per quiet period. */
public interface AdminNotices {

    /**
     * Atomically claims the notice: true if it was not sent within {@code quietPeriod} before {@code now}
     * (by any instance of the bot), and records it as sent now.
     */
    boolean claim(String orgId, String topic, Instant now, Duration quietPeriod);

    /** Forgets a claim whose notice reached nobody, so the next attempt tries again. */
    void release(String orgId, String topic);
}
