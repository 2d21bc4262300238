package com.enrollbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import com.enrollbot.testing.RunningBot;
import com.enrollbot.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A bad setting stops the start with one clear line naming the variable, not a stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class StartupConfigurationTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "MicrosoftAppId|not-a-guid|must be a GUID",
            "MicrosoftAppTenantId|contoso.onmicrosoft.com|must be a GUID",
            "GRAPH_BASE_URL|http://graph.microsoft.com/v1.0|must be an https:// URL",
            "ENTRA_AUTHORITY_HOST|login.microsoftonline.com|must be an https:// URL",
            "BOOTSTRAP_ADMIN_IDS|0b5e4c1a-1111-4222-8333-944455556666, adele@contoso.com|must be a GUID",
            "MicrosoftAppPassword|a-password-without-an-app-id|MicrosoftAppId: is required",
            "DIRECTORY_CHECK_ANSWER_WITHIN|three seconds|must be a duration such as 3s",
            "DIRECTORY_CHECK_ANSWER_WITHIN|0s|must be longer than zero",
            "DIRECTORY_CHECK_GIVE_UP_AFTER|-5s|must be longer than zero",
            "DIRECTORY_CHECK_GIVE_UP_AFTER|1s|must not be shorter than DIRECTORY_CHECK_ANSWER_WITHIN (3000 ms)"
    })
    void aMalformedSettingStopsTheStartNamingTheVariable(String variable, String value, String problem, CapturedOutput output) {
        Map<String, Object> settings = RunningBot.defaults(TestDatabases.fresh());
        settings.put(variable, value);

        assertThatThrownBy(() -> RunningBot.start(settings)).hasRootCauseInstanceOf(InvalidSettingException.class);

        String line = output.getAll().lines().filter(l -> l.contains("Invalid configuration:")).findFirst().orElse("");
        assertThat(line).contains(problem);
        assertThat(line).contains(variable.equals("MicrosoftAppPassword") ? "MicrosoftAppId" : variable);
        assertThat(output.getAll()).doesNotContain("at com.enrollbot.config.BotSettings");
        if (variable.equals("MicrosoftAppPassword")) {
            assertThat(output.getAll()).doesNotContain(value);
        }
    }

    @Test
    void anAppIdWithoutItsPasswordStopsTheStart(CapturedOutput output) {
        Map<String, Object> settings = RunningBot.defaults(TestDatabases.fresh());
        settings.put("MicrosoftAppId", "5b7e9a1c-2d3f-4a5b-8c6d-7e8f9a0b1c2d");

        assertThatThrownBy(() -> RunningBot.start(settings)).hasRootCauseInstanceOf(InvalidSettingException.class);
        assertThat(output.getAll()).contains("Invalid configuration: MicrosoftAppPassword: is required");
    }
}
