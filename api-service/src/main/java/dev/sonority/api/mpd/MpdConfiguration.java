package dev.sonority.api.mpd;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link MpdProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MpdProperties.class)
class MpdConfiguration {
}
