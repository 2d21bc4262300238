package com.enrollbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class PhoneDefaultRegionSettingTest {

    @Test
    void whenUnsetThenUs() {
        assertThat(BotSettings.from(new MockEnvironment()).phoneDefaultRegion()).isEqualTo("US");
    }

    @Test
    void whenSetInLowerCaseThenTheRegionCode() {
        MockEnvironment env = new MockEnvironment().withProperty("PHONE_DEFAULT_REGION", " se ");

        assertThat(BotSettings.from(env).phoneDefaultRegion()).isEqualTo("SE");
    }

    @Test
    void whenNotARegionCodeThenTheStartStopsNamingTheVariable() {
        MockEnvironment env = new MockEnvironment().withProperty("PHONE_DEFAULT_REGION", "Sweden");

        assertThatThrownBy(() -> BotSettings.from(env))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("PHONE_DEFAULT_REGION: must be a two-letter region code");
    }
}
