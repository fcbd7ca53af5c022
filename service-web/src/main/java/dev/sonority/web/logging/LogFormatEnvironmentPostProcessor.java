package dev.sonority.web.logging;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code LOG_FORMAT=json} into {@code logging.structured.format.console=ecs} (Elastic Common Schema JSON,
 * one object per line) before the logging system starts; {@code text} (the default) keeps Spring Boot's
 * usual console pattern. An explicit {@code logging.structured.format.console} still wins, because the
 * property source added here is the last one consulted.
 */
public class LogFormatEnvironmentPostProcessor implements EnvironmentPostProcessor {

    /** The environment variable of the runtime contract. */
    public static final String LOG_FORMAT = "LOG_FORMAT";

    static final String STRUCTURED_CONSOLE = "logging.structured.format.console";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format = environment.getProperty(LOG_FORMAT, "text").trim().toLowerCase(Locale.ROOT);
        switch (format) {
            case "", "text" -> { }
            case "json" -> environment.getPropertySources().addLast(
                    new MapPropertySource("sonorityLogFormat", Map.of(STRUCTURED_CONSOLE, "ecs")));
            default -> throw new IllegalArgumentException(
                    "LOG_FORMAT must be 'text' or 'json', not '" + environment.getProperty(LOG_FORMAT) + "'");
        }
    }
}
