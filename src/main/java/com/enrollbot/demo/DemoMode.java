package com.enrollbot.demo;

import java.util.Map;

import com.enrollbot.config.InvalidSettingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * Switches demo mode on when the {@value #PROFILE} profile is active: refuses to start anywhere that could be
 * production, binds the {@link DemoStandIn} for Entra ID and Graph, and points the bot's settings at it before
 * they are read. Registered in {@code META-INF/spring.factories}, so no production class refers to this package;
 * without the profile it does nothing.
 */
public final class DemoMode implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String PROFILE = "demo";
    static final String STAND_IN_BEAN = "demoStandIn";

    private static final Logger log = LoggerFactory.getLogger(DemoMode.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if (!environment.acceptsProfiles(Profiles.of(PROFILE))) {
            return;
        }
        refuseProductionSettings(environment);
        DemoStandIn standIn = DemoStandIn.bind();
        // First in line, so a developer's own GRAPH_BASE_URL or admin list cannot send demo mode anywhere real.
        environment.getPropertySources().addFirst(new MapPropertySource("demoMode", Map.of(
                "GRAPH_BASE_URL", standIn.graphBaseUrl(),
                "ENTRA_AUTHORITY_HOST", standIn.authorityHost(),
                "BOOTSTRAP_ADMIN_IDS", DemoCompany.ADMIN.id())));
        ConfigurableListableBeanFactory beans = context.getBeanFactory();
        beans.registerSingleton(STAND_IN_BEAN, standIn);
        if (beans instanceof DefaultSingletonBeanRegistry registry) {
            // Also closed when the start fails half-way, which a bean registered this way would not be otherwise.
            registry.registerDisposableBean(STAND_IN_BEAN, standIn::close);
        }
        log.warn("DEMO MODE: a fictional company ({}) served by a local stand-in for Entra ID and Graph at {}."
                        + " {} is an admin. Never use demo mode with real people or data.",
                DemoCompany.TIDEWATER.name(), standIn.authorityHost(), DemoCompany.ADMIN.displayName());
    }

    /** Demo mode serves made-up people with a published secret: it must never run as a registered bot. */
    static void refuseProductionSettings(ConfigurableEnvironment environment) {
        String appId = environment.getProperty("MicrosoftAppId", "");
        if (!appId.isBlank()) {
            throw new InvalidSettingException("MicrosoftAppId", "must be empty in demo mode (the '" + PROFILE
                    + "' profile); demo mode is for a local tour with the Agents Playground, never for a registered bot");
        }
        String datasource = environment.getProperty("spring.datasource.url", "");
        if (!datasource.isBlank() && !LoopbackJdbcUrl.isLoopback(datasource)) {
            throw new InvalidSettingException("SPRING_DATASOURCE_URL", "must be unset or point at localhost in demo mode"
                    + " (the '" + PROFILE + "' profile); demo mode never writes its fictional data into a shared database");
        }
    }
}
