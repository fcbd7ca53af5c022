package dev.sonority.web.environment;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;

/**
 * Makes the documented environment variables ({@code MUSIC_DIR}, {@code INFERENCE_BATCH_MAX}, ...) set their
 * properties, in every service, without a {@code ${VARIABLE:default}} in any yaml: the names come from
 * {@link EnvironmentNames}, the defaults from the {@code @ConfigurationProperties} records. The source sits just
 * below the operating system's environment: command-line arguments, system properties, test properties and the
 * full names ({@code SONORITY_WORKER_MUSIC_DIR}) still win over a short name, and a short name wins over
 * application.yaml.
 */
public class EnvironmentNamesPostProcessor implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        ClassLoader classLoader = application == null || application.getClassLoader() == null
                ? EnvironmentNamesPostProcessor.class.getClassLoader() : application.getClassLoader();
        EnvironmentNamesPropertySource source = new EnvironmentNamesPropertySource(
                EnvironmentNames.load(classLoader), environment);
        MutablePropertySources sources = environment.getPropertySources();
        sources.remove(EnvironmentNamesPropertySource.NAME);
        if (sources.contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
            sources.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
        } else {
            sources.addFirst(source);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
