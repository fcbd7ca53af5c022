package dev.sonority.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The front-door settings every service shares ({@code sonority.web.*}; the short environment names are mapped
 * by {@link WebEnvironmentPostProcessor}).
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
public record WebGuardProperties(List<String> allowedHosts, List<String> corsOrigins, DataSize maxBody,
        List<String> rawBodyPaths, String publicUrl, boolean metricsOpen) {

    public WebGuardProperties {
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        corsOrigins = corsOrigins == null ? List.of() : List.copyOf(corsOrigins);
        maxBody = maxBody == null ? DataSize.ofMegabytes(1) : maxBody;
        rawBodyPaths = rawBodyPaths == null ? List.of() : List.copyOf(rawBodyPaths);
        publicUrl = publicUrl == null ? "" : publicUrl.strip();
    }
}
