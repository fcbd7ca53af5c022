package dev.sonority.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The one home of the front door's defaults and of its short environment names, for all three services:
 * {@code BIND_ADDRESS} (default {@value #LOOPBACK}: nothing listens beyond the machine unless asked),
 * {@code ALLOWED_HOSTS}, {@code CORS_ORIGINS}, {@code PUBLIC_URL}, {@code METRICS_OPEN}, and health details
 * for local callers only. Added last, so application.yaml, system properties and the full property names win.
 */
public class WebEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String LOOPBACK = "127.0.0.1";
    static final String SOURCE = "sonorityWebDefaults";

    private static final Map<String, String> SHORT_NAMES = Map.of(
            "ALLOWED_HOSTS", "sonority.web.allowed-hosts",
            "CORS_ORIGINS", "sonority.web.cors-origins",
            "PUBLIC_URL", "sonority.web.public-url",
            "METRICS_OPEN", "sonority.web.metrics-open");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        String bind = environment.getProperty("BIND_ADDRESS");
        defaults.put("server.address", bind == null || bind.isBlank() ? LOOPBACK : bind.strip());
        SHORT_NAMES.forEach((variable, property) -> {
            String value = environment.getProperty(variable);
            if (value != null) {
                defaults.put(property, value);
            }
        });
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
