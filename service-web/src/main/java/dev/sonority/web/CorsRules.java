package dev.sonority.web;

import java.util.List;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Browser pages of the origins in {@code CORS_ORIGINS} may call every endpoint; any other cross-origin request is
 * refused by Spring MVC's CORS processing (403), preflights included. A preflight is granted the one method it
 * asks for, not a list of every method ({@link PreflightAllowFilter} keeps {@code Allow} to the same); a method
 * the route lacks is then answered 405 with the route's {@code Allow}.
 */
public class CorsRules implements WebMvcConfigurer {

    private final List<String> origins;

    public CorsRules(List<String> origins) {
        this.origins = origins;
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping("/**").allowedOrigins(origins.toArray(String[]::new)).allowedMethods("*")
                .allowedHeaders("*").maxAge(3600);
    }
}
