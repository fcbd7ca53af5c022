package dev.sonority.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The one home of the defaults the front door gives Spring Boot's own properties, for all three services:
 * {@code server.address} from {@code BIND_ADDRESS} (default {@value #LOOPBACK}: nothing listens beyond the
 * machine unless asked), health details for local callers only, Tomcat's relaxed characters. Added last, so
 * application.yaml, system properties and the full property names win. {@code BIND_ADDRESS} is read here and not
 * through {@link dev.sonority.web.environment.EnvironmentNames} (where {@code ALLOWED_HOSTS}, {@code CORS_ORIGINS},
 * {@code PUBLIC_URL} and {@code METRICS_OPEN} are), because a blank one must mean loopback, never every interface.
 */
public class WebEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String LOOPBACK = "127.0.0.1";
    static final String SOURCE = "sonorityWebDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        String bind = environment.getProperty("BIND_ADDRESS");
        defaults.put("server.address", bind == null || bind.isBlank() ? LOOPBACK : bind.strip());
        // probes still see which dependency is down (component statuses); disk paths, versions and sizes are
        // for callers on this machine (LoopbackCallerFilter marks them as authorised)
        defaults.put("management.endpoint.health.show-details", "when-authorized");
        defaults.put("management.endpoint.health.show-components", "always");
        defaults.put("server.error.whitelabel.enabled", "false");
        // raw brackets, as browsers and Node's URL class send them (folder names such as "Album [Deluxe]")
        defaults.put("server.tomcat.relaxed-path-chars", "[,]");
        defaults.put("server.tomcat.relaxed-query-chars", "[,],{,},|,^");
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
    }
}
