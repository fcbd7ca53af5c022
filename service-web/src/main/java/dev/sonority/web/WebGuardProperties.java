package dev.sonority.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The front-door settings every service shares ({@code sonority.web.*}), with their defaults; the environment
 * variables that set them are in service-web's {@code META-INF/sonority/environment-names.properties}.
 *
 * @param allowedHosts Host header names accepted besides localhost, 127.0.0.1, [::1] and the bound address while
 *     the service is bound to loopback ({@code ALLOWED_HOSTS}); a name here is how a reverse proxy reaches it
 * @param corsOrigins origins ({@code https://host:port}) whose pages may call the API from a browser, including
 *     state-changing requests ({@code CORS_ORIGINS}); empty: only same-origin pages and non-browser clients
 * @param maxBody the largest request body outside {@link #rawBodyPaths}; a larger one is answered 413
 * @param rawBodyPaths request paths that take raw uploads and enforce their own cap (audio clips)
 * @param publicUrl the base URL that OpenAPI documents name as the server ({@code PUBLIC_URL}); blank: a
 *     relative {@code /}, never a Host header's echo
 * @param metricsOpen whether {@code /actuator} endpoints other than health and info answer callers that are not
 *     on this machine ({@code METRICS_OPEN}), e.g. a Prometheus in another container
 */
@ConfigurationProperties("sonority.web")
public record WebGuardProperties(@DefaultValue List<String> allowedHosts, @DefaultValue List<String> corsOrigins,
        @DefaultValue("1MB") DataSize maxBody, @DefaultValue List<String> rawBodyPaths, @DefaultValue("") String publicUrl,
        @DefaultValue("false") boolean metricsOpen) {

    public WebGuardProperties {
        allowedHosts = List.copyOf(allowedHosts);
        corsOrigins = List.copyOf(corsOrigins);
        rawBodyPaths = List.copyOf(rawBodyPaths);
        publicUrl = publicUrl.strip();
    }
}
