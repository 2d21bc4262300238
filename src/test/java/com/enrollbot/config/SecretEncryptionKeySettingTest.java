package com.enrollbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;

import com.enrollbot.testing.RunningBot;
import com.enrollbot.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

/** SECRET_ENCRYPTION_KEY: configured, or generated once into the data folder in local development mode only. */
@ExtendWith(OutputCaptureExtension.class)
class SecretEncryptionKeySettingTest {

    private static final String APP_ID = "5b7e9a1c-2d3f-4a5b-8c6d-7e8f9a0b1c2d";

    @TempDir
    Path dataDir;

    private MockEnvironment environment() {
        return new MockEnvironment().withProperty("DATA_DIR", dataDir.toString());
    }

    @Test
    void fromWhenUnsetInLocalDevelopmentThenAKeyIsGeneratedIntoTheDataFolderReadableByItsOwnerOnlyAndKept() throws IOException {
        byte[] first = BotSettings.from(environment()).secretEncryptionKey();
        byte[] second = BotSettings.from(environment()).secretEncryptionKey();

        Path file = dataDir.resolve("secret-encryption.key");
        assertThat(first).hasSize(32).isEqualTo(second);
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void fromWhenConfiguredThenThatKeyIsUsedAndNothingIsWritten() {
        byte[] key = new byte[32];
        key[0] = 7;

        BotSettings settings = BotSettings.from(environment()
                .withProperty("SECRET_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(key)));

        assertThat(settings.secretEncryptionKey()).isEqualTo(key);
        assertThat(dataDir.resolve("secret-encryption.key")).doesNotExist();
        assertThat(settings.toString()).contains("secretEncryptionKey=<redacted>").doesNotContain(Base64.getEncoder().encodeToString(key));
    }

    @Test
    void fromWhenUnsetWithAnAppIdThenRefusesNamingTheVariableAndWritesNoKey() {
        MockEnvironment production = environment().withProperty("MicrosoftAppId", APP_ID)
                .withProperty("MicrosoftAppPassword", "bot-password");

        assertThatThrownBy(() -> BotSettings.from(production))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("SECRET_ENCRYPTION_KEY: is required when MicrosoftAppId is set");
        assertThat(dataDir.resolve("secret-encryption.key")).doesNotExist();
    }

    @Test
    void fromWhenMalformedThenRefusesWithoutRepeatingTheValue() {
        String sixteenBytes = Base64.getEncoder().encodeToString(new byte[16]);

        for (String malformed : new String[] {"not base64 at all!", sixteenBytes}) {
            assertThatThrownBy(() -> BotSettings.from(environment().withProperty("SECRET_ENCRYPTION_KEY", malformed)))
                    .isInstanceOf(InvalidSettingException.class)
                    .hasMessageStartingWith("SECRET_ENCRYPTION_KEY: must be base64 of 32 random bytes")
                    .hasMessageNotContaining(malformed);
        }
    }

    @Test
    void startWhenProductionHasNoKeyThenOneLineNamesTheVariable(CapturedOutput output) {
        Map<String, Object> settings = RunningBot.defaults(TestDatabases.fresh());
        settings.remove("SECRET_ENCRYPTION_KEY");
        settings.put("MicrosoftAppId", APP_ID);
        settings.put("MicrosoftAppPassword", "bot-password");

        assertThatThrownBy(() -> RunningBot.start(settings)).hasRootCauseInstanceOf(InvalidSettingException.class);

        assertThat(output.getAll()).contains("Invalid configuration: SECRET_ENCRYPTION_KEY: is required when MicrosoftAppId is set");
    }
}
