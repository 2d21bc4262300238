package com.enrollbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import com.enrollbot.testing.TestTls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class EdgeTrustStoreSettingTest {

    @TempDir
    Path dir;

    @Test
    void whenUnsetThenOnlyTheJdksRootsAreTrusted() {
        assertThat(BotSettings.from(new MockEnvironment()).edgeTrustCertificates()).isEmpty();
    }

    @Test
    void whenItNamesAPemFileThenItsCertificatesAreTrustedToo() throws Exception {
        Path pem = Files.writeString(dir.resolve("proxy-roots.pem"),
                new TestTls().rootCertificatePem() + new TestTls().rootCertificatePem());

        assertThat(BotSettings.from(new MockEnvironment().withProperty("EDGE_TRUST_STORE", pem.toString()))
                .edgeTrustCertificates()).hasSize(2);
    }

    @Test
    void whenTheFileIsMissingThenTheStartStopsNamingTheVariable() {
        MockEnvironment env = new MockEnvironment().withProperty("EDGE_TRUST_STORE", dir.resolve("absent.pem").toString());

        assertThatThrownBy(() -> BotSettings.from(env))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("EDGE_TRUST_STORE: must name a readable file of CA certificates");
    }

    @Test
    void whenTheFileHoldsNoCertificateThenTheStartStopsNamingTheVariable() throws Exception {
        Path notPem = Files.writeString(dir.resolve("notes.txt"), "not a certificate");
        MockEnvironment env = new MockEnvironment().withProperty("EDGE_TRUST_STORE", notPem.toString());

        assertThatThrownBy(() -> BotSettings.from(env))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("EDGE_TRUST_STORE: '" + notPem + "'");
    }
}
