package com.enrollbot.bot;

import com.enrollbot.bot.state.PostgresStorage;
import com.enrollbot.cards.CardTemplates;
import com.enrollbot.config.BotSettings;
import com.microsoft.bot.builder.PrivateConversationState;
import com.microsoft.bot.builder.Storage;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.ChannelProvider;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.microsoft.bot.connector.authentication.CredentialProvider;
import com.microsoft.bot.connector.authentication.SimpleChannelProvider;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The bot SDK's moving parts, built here from our settings rather than from botbuilder's
 * {@code BotDependencyConfiguration}, which would read only application.properties and keep state in memory.
 */
@Configuration(proxyBeanMethods = false)
class BotConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BotConfiguration.class);

    @Bean
    CredentialProvider credentialProvider(BotSettings settings) {
        if (settings.localDevelopmentMode()) {
            log.warn("""

                    ************************************************************************************
                    * LOCAL DEVELOPMENT MODE: MicrosoftAppId is not set.                               *
                    * Bot Framework tokens are NOT checked; only requests from this machine (loopback) *
                    * are accepted. Never expose this instance to a network.                           *
                    ************************************************************************************""");
            return new SimpleCredentialProvider();
        }
        return new SimpleCredentialProvider(settings.appId(), settings.appPassword());
    }

    @Bean
    ChannelProvider channelProvider() {
        return new SimpleChannelProvider();
    }

    @Bean
    AuthenticationConfiguration authenticationConfiguration(Environment environment) {
        // Where the Bot Framework publishes its signing keys; national clouds (and tests) point elsewhere.
        String openIdMetadata = environment.getProperty("BotOpenIdMetadata");
        if (openIdMetadata != null && !openIdMetadata.isBlank()) {
            ChannelValidation.setOpenIdMetaDataUrl(openIdMetadata);
        }
        return new AuthenticationConfiguration();
    }

    @Bean
    TeamsBotAdapter teamsBotAdapter(CredentialProvider credentials, AuthenticationConfiguration authConfig,
                                    ChannelProvider channels, BotSettings settings, CardTemplates cards) {
        TeamsBotAdapter adapter = new TeamsBotAdapter(credentials, authConfig, channels, settings.appTenantId());
        adapter.setOnTurnError(new TurnErrorHandler(cards));
        return adapter;
    }

    @Bean
    Storage storage(Jdbi jdbi) {
        return new PostgresStorage(jdbi);
    }

    /** Per person per conversation: people typing at once in a group chat never contend for one state row. */
    @Bean
    PrivateConversationState privateConversationState(Storage storage) {
        return new PrivateConversationState(storage);
    }
}
