package com.enrollbot.config;

import com.enrollbot.core.access.AccessService;
import com.enrollbot.core.access.RoleStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The core knows nothing of Spring: its services are wired here. */
@Configuration(proxyBeanMethods = false)
class CoreConfiguration {

    @Bean
    AccessService accessService(RoleStore roles, BotSettings settings) {
        return new AccessService(roles, settings.bootstrapAdminIds());
    }
}
