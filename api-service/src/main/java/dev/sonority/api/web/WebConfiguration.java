package dev.sonority.api.web;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Request path handling: double slashes, and encoded {@code /} and {@code \} kept as data. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    @Bean
    FilterRegistrationBean<SlashCollapsingFilter> slashCollapsingFilter() {
        FilterRegistrationBean<SlashCollapsingFilter> registration =
                new FilterRegistrationBean<>(new SlashCollapsingFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * Song ids contain {@code /}; clients send them as one segment with {@code %2F}. Tomcat rejects encoded
     * slashes by default (400); pass them through so the songs endpoints decode and check them themselves
     * ({@code SongPath}). The same for {@code %5C} (backslash), which such paths then reject with 404.
     */
    @Bean
    TomcatConnectorCustomizer encodedSlashesAsData() {
        return connector -> {
            connector.setEncodedSolidusHandling("passthrough");
            connector.setEncodedReverseSolidusHandling("passthrough");
        };
    }
}
