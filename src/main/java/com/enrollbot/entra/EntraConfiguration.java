package com.enrollbot.entra;

import java.security.cert.X509Certificate;
import java.util.List;

import com.enrollbot.config.BotSettings;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the directory gateway from {@code GRAPH_BASE_URL}, {@code ENTRA_AUTHORITY_HOST} and {@code EDGE_TRUST_STORE}
 * (read and checked by {@link BotSettings}). An {@link OkHttpClient} bean named {@value #EDGE_CLIENT} replaces the
 * default edge client: end-to-end tests provide one that trusts the fakes' test certificate.
 */
@Configuration(proxyBeanMethods = false)
public class EntraConfiguration {

    public static final String EDGE_CLIENT = "directoryEdgeClient";

    @Bean
    GraphDirectoryGateway directoryGateway(BotSettings settings, @Qualifier(EDGE_CLIENT) ObjectProvider<OkHttpClient> edgeClient) {
        return new GraphDirectoryGateway(settings.graphBaseUrl().toString(), settings.entraAuthorityHost().toString(),
                edgeClient.getIfAvailable(() -> edgeClient(settings.edgeTrustCertificates())));
    }

    /** The JDK's trusted roots, and those of {@code EDGE_TRUST_STORE} (a TLS-inspecting proxy's, say) if any. */
    static OkHttpClient edgeClient(List<X509Certificate> alsoTrusted) {
        if (alsoTrusted.isEmpty()) {
            return new OkHttpClient();
        }
        HandshakeCertificates.Builder trust = new HandshakeCertificates.Builder().addPlatformTrustedCertificates();
        alsoTrusted.forEach(trust::addTrustedCertificate);
        HandshakeCertificates certificates = trust.build();
        return new OkHttpClient.Builder()
                .sslSocketFactory(certificates.sslSocketFactory(), certificates.trustManager())
                .build();
    }
}
