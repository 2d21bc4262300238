package com.enrollbot.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.enrollbot.core.directory.CheckBudget;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The connection check's budget; malformed values are refused in {@link StartupConfigurationTest}. */
class DirectoryCheckBudgetSettingTest {

    @Test
    void whenUnsetThenThreeSecondsToAnswerAndTwentyToGiveUp() {
        assertThat(BotSettings.from(new MockEnvironment()).directoryCheckBudget())
                .isEqualTo(new CheckBudget(Duration.ofSeconds(3), Duration.ofSeconds(20)));
    }

    @Test
    void whenSetInSpringsShortOrIsoFormThenThoseDurations() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("DIRECTORY_CHECK_ANSWER_WITHIN", "1500ms")
                .withProperty("DIRECTORY_CHECK_GIVE_UP_AFTER", "PT1M");

        assertThat(BotSettings.from(env).directoryCheckBudget())
                .isEqualTo(new CheckBudget(Duration.ofMillis(1500), Duration.ofMinutes(1)));
    }
}
