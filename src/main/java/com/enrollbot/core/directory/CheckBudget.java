package com.enrollbot.core.directory;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a connection check may hold up an answer, and how long it may run in all. Teams waits 5 s for an
 * invoke and then retries it, so {@code answerWithin} stays well below that; a check still running then goes on
 * in the background until {@code giveUpAfter}.
 */
public record CheckBudget(Duration answerWithin, Duration giveUpAfter) {

    public CheckBudget {
        Objects.requireNonNull(answerWithin, "answerWithin");
        Objects.requireNonNull(giveUpAfter, "giveUpAfter");
        if (answerWithin.isNegative() || answerWithin.isZero() || giveUpAfter.compareTo(answerWithin) < 0) {
            throw new IllegalArgumentException("need 0 < answerWithin <= giveUpAfter, got " + answerWithin + " and " + giveUpAfter);
        }
    }
}
