package com.enrollbot.persistence;

import javax.sql.DataSource;

import com.enrollbot.config.BotSettings;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    /** With SPRING_DATASOURCE_URL unset, the bot brings its own PostgreSQL. */
    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
    EmbeddedPostgresServer embeddedPostgres(BotSettings settings) {
        return EmbeddedPostgresServer.start(settings.dataDir().resolve("postgres"));
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
    @ConditionalOnMissingBean(DataSource.class)
    HikariDataSource embeddedDataSource(EmbeddedPostgresServer server) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl());
        config.setUsername("postgres");
        config.setPoolName("enrollbot");
        config.setMaximumPoolSize(10);
        return new HikariDataSource(config);
    }

    /**
     * Straight over the pool: the bot uses no Spring-managed transactions (every transaction is Jdbi's own), so a
     * transaction-aware proxy would only add work to every statement.
     */
    @Bean
    Jdbi jdbi(DataSource dataSource) {
        return Jdbi.create(dataSource)
                .installPlugin(new SqlObjectPlugin())
                .installPlugin(new PostgresPlugin());
    }
}
