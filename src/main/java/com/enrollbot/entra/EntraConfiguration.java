package com.enrollbot.entra;

import com.enrollbot.config.BotSettings;
import okhttp3.OkHttpClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the directory gateway from {@code GRAPH_BASE_URL} and {@code ENTRA_AUTHORITY_HOST} (read and checked by
 * {@link BotSettings}). An {@link OkHttpClient} bean named {@value #EDGE_CLIENT} replaces the default edge
 * client: end-to-end tests provide one that trusts the fakes' test certificate.
 */
@Configuration(proxyBeanMethods = false)
public class EntraConfiguration {

    public static final String EDGE_CLIENT = "directoryEdgeClient";

    @Bean
    GraphDirectoryGateway directoryGateway(BotSettings settings, @Qualifier(EDGE_CLIENT) ObjectProvider<OkHttpClient> edgeClient) {
        return new GraphDirectoryGateway(settings.graphBaseUrl().toString(), settings.entraAuthorityHost().toString(),
                edgeClient.getIfAvailable(OkHttpClient::new));
    }
}
