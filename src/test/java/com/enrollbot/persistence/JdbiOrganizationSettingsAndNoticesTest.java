package com.enrollbot.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JdbiOrganizationSettingsAndNoticesTest {

    private static final Duration DAY = Duration.ofHours(24);
    private static final Instant NOW = Instant.parse("2025-06-02T09:00:00Z");

    private static Jdbi jdbi;
    private static JdbiOrganizationSettings settings;
    private static JdbiAdminNotices notices;

    @BeforeAll
    static void migrate() {
        jdbi = MigratedDatabase.fresh();
        settings = new JdbiOrganizationSettings(jdbi);
        notices = new JdbiAdminNotices(jdbi);
    }

    private static String org() {
        return UUID.randomUUID().toString();
    }

    @Test
    void guestsWhenTheOrganizationNeverChoseThenRefused() {
        assertThat(settings.guestsAllowed(org())).isFalse();
    }

    @Test
    void guestsWhenAllowedAndRefusedAgainThenTheLastChoiceHoldsForThatOrganizationOnly() {
        String org = org();
        String other = org();

        settings.allowGuests(org, true, "admin-1");
        settings.allowGuests(other, true, "admin-2");
        assertThat(settings.guestsAllowed(org)).isTrue();

        settings.allowGuests(org, false, "admin-1");
        assertThat(settings.guestsAllowed(org)).isFalse();
        assertThat(settings.guestsAllowed(other)).isTrue();
    }

    @Test
    void claimWhenFirstThenTrueAndWithinTheQuietPeriodThenFalse() {
        String org = org();

        assertThat(notices.claim(org, "no-directory", NOW, DAY)).isTrue();
        assertThat(notices.claim(org, "no-directory", NOW.plus(Duration.ofHours(23)), DAY)).isFalse();
        assertThat(notices.claim(org, "another-topic", NOW, DAY)).isTrue();
        assertThat(notices.claim(org(), "no-directory", NOW, DAY)).isTrue();
    }

    @Test
    void claimWhenTheQuietPeriodHasPassedThenTrueAgainAndTheClockRestarts() {
        String org = org();
        notices.claim(org, "no-directory", NOW, DAY);

        assertThat(notices.claim(org, "no-directory", NOW.plus(DAY), DAY)).isTrue();
        assertThat(notices.claim(org, "no-directory", NOW.plus(DAY).plusSeconds(60), DAY)).isFalse();
    }

    @Test
    void claimWhenReleasedThenTheNextClaimWins() {
        String org = org();
        notices.claim(org, "no-directory", NOW, DAY);

        notices.release(org, "no-directory");

        assertThat(notices.claim(org, "no-directory", NOW.plusSeconds(1), DAY)).isTrue();
    }

    @Test
    void claimWhenManyClaimAtOnceThenExactlyOneWins() throws Exception {
        String org = org();
        int threads = 12;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                claims.add(pool.submit(() -> {
                    start.await();
                    return notices.claim(org, "no-directory", NOW, DAY);
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> claim : claims) {
                won += claim.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
