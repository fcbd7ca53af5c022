package dev.sonority.api.search;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Binds {@link SearchProperties} and holds the in-memory {@link SongDirectory}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchProperties.class)
class SearchConfiguration {

    @Bean
    SongDirectory songDirectory(JdbcClient jdbc, SearchProperties properties) {
        return new SongDirectory(jdbc, properties.songRefresh());
    }
}
