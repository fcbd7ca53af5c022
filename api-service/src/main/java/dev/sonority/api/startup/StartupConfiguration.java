package dev.sonority.api.startup;

import dev.sonority.model.startup.StartupWaitProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Makes Flyway wait for PostgreSQL instead of failing the startup. */
@Configuration(proxyBeanMethods = false)
public class StartupConfiguration {

    @Bean
    FlywayMigrationStrategy waitingMigrationStrategy(Environment environment, StartupWaitProperties properties) {
        String url = environment.getProperty("spring.datasource.url", "the configured database");
        int query = url.indexOf('?');
        return new WaitingMigrationStrategy(query < 0 ? url : url.substring(0, query), properties);
    }
}
