package dev.sonority.api.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/** Request path handling: double slashes, and encoded {@code /} and {@code \} kept as data. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    /** The front door's refusals (dev.sonority.web) in the error shape of the endpoint they were meant for. */
    @Bean
    ApiErrorResponder apiErrorResponder(
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> endpoints,
            ObjectProvider<JsonMapper> json) {
        return new ApiErrorResponder(endpoints, json);
    }

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
