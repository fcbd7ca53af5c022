package dev.sonority.api.web;

import dev.sonority.web.WebGuardProperties;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document names a fixed server: {@code PUBLIC_URL} when set, else the relative {@code /} (the
 * server that served the document). springdoc would otherwise echo each request's Host header into it. Its
 * schemas name properties in snake_case, as the API writes them (swagger's model resolver reads records with
 * its own Jackson 2 mapper, which does not know the application's naming strategy).
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    io.swagger.v3.core.jackson.ModelResolver snakeCaseModels() {
        return new io.swagger.v3.core.jackson.ModelResolver(io.swagger.v3.core.util.Json.mapper().copy()
                .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE));
    }

    @Bean
    OpenAPI sonorityOpenApi(WebGuardProperties web) {
        String url = web.publicUrl().isEmpty() ? "/" : web.publicUrl();
        return new OpenAPI().info(new Info().title("Sonority API").version("v1"))
                .addServersItem(new Server().url(url));
    }
}
