package com.enrollbot.entra;

import static org.assertj.core.api.Assertions.assertThat;

import com.enrollbot.config.BotSettings;
import com.enrollbot.core.directory.DirectoryCredentials;
import com.enrollbot.core.directory.DirectoryGateway;
import com.enrollbot.core.directory.DirectoryGateway.ConnectionCheck;
import com.enrollbot.testing.FakeEntra;
import com.enrollbot.testing.FakeGraph;
import com.enrollbot.testing.TestTls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;

class EntraConfigurationTest {

    private final TestTls tls = new TestTls();

    @TempDir
    Path dir;

    @Test
    void whenUrlsAndEdgeClientAreConfiguredThenTheGatewayTalksToThem() {
        try (FakeEntra entra = new FakeEntra(tls).start(); FakeGraph graph = new FakeGraph(tls, entra).start()) {
            entra.registerApp("tenant-1", "client-1", "secret-1");
            var directory = new DirectoryCredentials(UUID.randomUUID(), "tenant-1", "client-1", "secret-1");

            new ApplicationContextRunner()
                    .withUserConfiguration(EntraConfiguration.class)
                    .withBean(BotSettings.class, () -> BotSettings.from(new MockEnvironment()
                            .withProperty("GRAPH_BASE_URL", graph.baseUrl())
                            .withProperty("ENTRA_AUTHORITY_HOST", entra.baseUrl())))
                    .withBean(EntraConfiguration.EDGE_CLIENT, OkHttpClient.class, tls::trustingClient)
                    .run(context -> assertThat(context.getBean(DirectoryGateway.class)
                            .checkConnection(directory, Duration.ofSeconds(4)))
                            .isEqualTo(new ConnectionCheck.Connected()));
        }
    }

    @Test
    void whenEdgeTrustStoreHoldsTheFakesRootThenTheGatewayTrustsThemWithoutAnEdgeClientBean() throws Exception {
        try (FakeEntra entra = new FakeEntra(tls).start(); FakeGraph graph = new FakeGraph(tls, entra).start()) {
            entra.registerApp("tenant-1", "client-1", "secret-1");
            var directory = new DirectoryCredentials(UUID.randomUUID(), "tenant-1", "client-1", "secret-1");
            Path roots = Files.writeString(dir.resolve("edge-trust.pem"), tls.rootCertificatePem());

            new ApplicationContextRunner()
                    .withUserConfiguration(EntraConfiguration.class)
                    .withBean(BotSettings.class, () -> BotSettings.from(new MockEnvironment()
                            .withProperty("GRAPH_BASE_URL", graph.baseUrl())
                            .withProperty("ENTRA_AUTHORITY_HOST", entra.baseUrl())
                            .withProperty("EDGE_TRUST_STORE", roots.toString())))
                    .run(context -> assertThat(context.getBean(DirectoryGateway.class)
                            .checkConnection(directory, Duration.ofSeconds(4)))
                            .isEqualTo(new ConnectionCheck.Connected()));
        }
    }
}
