package com.enrollbot.entra;

import okhttp3.OkHttpClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the directory gateway from {@code GRAPH_BASE_URL} and {@code ENTRA_AUTHORITY_HOST}. An
 * {@link OkHttpClient} bean named {@value #EDGE_CLIENT} replaces the default edge client: end-to-end tests
 * provide one that trusts the fakes' test certificate.
 */
@Configuration(proxyBeanMethods = false)
class EntraConfiguration {

    static final String EDGE_CLIENT = "directoryEdgeClient";

    @Bean
    GraphDirectoryGateway directoryGateway(
            @Value("${GRAPH_BASE_URL:" + GraphDirectoryGateway.DEFAULT_GRAPH_BASE_URL + "}") String graphBaseUrl,
            @Value("${ENTRA_AUTHORITY_HOST:" + GraphDirectoryGateway.DEFAULT_AUTHORITY_HOST + "}") String authorityHost,
            @Qualifier(EDGE_CLIENT) ObjectProvider<OkHttpClient> edgeClient) {
        return new GraphDirectoryGateway(graphBaseUrl, authorityHost, edgeClient.getIfAvailable(OkHttpClient::new));
    }
}
