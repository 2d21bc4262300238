package com.enrollbot.demo;

import com.enrollbot.entra.EntraConfiguration;
import okhttp3.OkHttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** Demo-mode beans: the bot's calls to Entra ID and Graph trust the {@link DemoStandIn}'s certificate only. */
@Configuration(proxyBeanMethods = false)
@Profile(DemoMode.PROFILE)
class DemoConfiguration {

    @Bean(EntraConfiguration.EDGE_CLIENT)
    OkHttpClient demoEdgeClient(DemoStandIn standIn) {
        return standIn.trustingClient();
    }
}
