package com.enrollbot.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import com.enrollbot.config.InvalidSettingException;
import com.enrollbot.testing.RunningBot;
import com.enrollbot.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Demo mode can never be switched on by accident in production: it refuses a bot registration and a shared database. */
@ExtendWith(OutputCaptureExtension.class)
class DemoModeSafetyTest {

    private static Map<String, Object> demoSettings() {
        Map<String, Object> settings = RunningBot.defaults(TestDatabases.fresh());
        settings.put("spring.profiles.active", DemoMode.PROFILE);
        return settings;
    }

    @Test
    void whenAnAppIdIsConfiguredThenDemoModeRefusesToStartNamingMicrosoftAppId(CapturedOutput output) {
        Map<String, Object> settings = demoSettings();
        settings.put("MicrosoftAppId", "5b7e9a1c-2d3f-4a5b-8c6d-7e8f9a0b1c2d");
        settings.put("MicrosoftAppPassword", "a-real-looking-bot-password");

        assertThatThrownBy(() -> RunningBot.start(settings))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("MicrosoftAppId: must be empty in demo mode");
        assertThat(output.getAll()).contains("Invalid configuration: MicrosoftAppId: must be empty in demo mode")
                .doesNotContain("a-real-looking-bot-password")
                .doesNotContain("DEMO MODE:")
                .doesNotContain("at com.enrollbot.demo.DemoMode");
    }

    @Test
    void whenTheDatabaseIsNotOnThisMachineThenDemoModeRefusesToStartNamingSpringDatasourceUrl(CapturedOutput output) {
        Map<String, Object> settings = demoSettings();
        settings.put("spring.datasource.url", "jdbc:postgresql://db.tidewater-bikes.example:5432/enrollbot");

        assertThatThrownBy(() -> RunningBot.start(settings))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("SPRING_DATASOURCE_URL: must be unset or point at localhost in demo mode");
        assertThat(output.getAll()).contains("Invalid configuration: SPRING_DATASOURCE_URL:")
                .doesNotContain("DEMO MODE:");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "jdbc:postgresql://localhost:5432/enrollbot",
            "jdbc:postgresql://127.0.0.1/enrollbot?sslmode=disable",
            "jdbc:postgresql://127.10.0.3:6543/enrollbot",
            "jdbc:postgresql://[::1]:5432/enrollbot",
            "jdbc:postgresql://localhost:5432,127.0.0.1:5433/enrollbot",
            "JDBC:PostgreSQL://LOCALHOST/enrollbot"})
    void loopbackDatabaseUrlsAreAccepted(String url) {
        assertThat(LoopbackJdbcUrl.isLoopback(url)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "jdbc:postgresql://db.tidewater-bikes.example/enrollbot",
            "jdbc:postgresql://10.0.0.5:5432/enrollbot",
            "jdbc:postgresql://localhost:5432,db.example:5432/enrollbot",
            "jdbc:postgresql://localhost.attacker.example/enrollbot",
            "jdbc:postgresql://127.0.0.1.nip.io/enrollbot",
            "jdbc:postgresql://127.0.0.1@db.example/enrollbot",
            "jdbc:postgresql:///enrollbot?host=db.example",
            "jdbc:postgresql:enrollbot",
            "jdbc:postgresql://localhost/enrollbot?service=production",
            "jdbc:mysql://localhost/enrollbot",
            "not a url"})
    void anyOtherDatabaseUrlIsRefused(String url) {
        assertThat(LoopbackJdbcUrl.isLoopback(url)).isFalse();
    }
}
