package com.enrollbot.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class SettingsConfiguration {

    @Bean
    BotSettings botSettings(Environment environment) {
        return BotSettings.from(environment);
    }
}
