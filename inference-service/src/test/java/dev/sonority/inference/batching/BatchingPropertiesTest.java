package dev.sonority.inference.batching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.web.environment.EnvironmentNamesPostProcessor;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * INFERENCE_BATCH_WAIT is a duration with a unit; the older INFERENCE_BATCH_WAIT_MS (a bare number of
 * milliseconds) still works, and only when the new name is unset or blank (as compose passes it). Bound the way
 * the service binds it: this module's environment names, then the record.
 */
class BatchingPropertiesTest {

    @Test
    void theWaitTakesAUnit() {
        assertThat(maxWait(Map.of("INFERENCE_BATCH_WAIT", "20ms"))).isEqualTo(Duration.ofMillis(20));
        assertThat(maxWait(Map.of("INFERENCE_BATCH_WAIT", "1s"))).isEqualTo(Duration.ofSeconds(1));
        assertThat(maxWait(Map.of("INFERENCE_BATCH_WAIT", "7"))).as("a bare number").isEqualTo(Duration.ofMillis(7));
    }

    @Test
    void theOlderNameIsStillABareNumberOfMilliseconds() {
        assertThat(maxWait(Map.of("INFERENCE_BATCH_WAIT_MS", "12"))).isEqualTo(Duration.ofMillis(12));
        assertThat(maxWait(Map.of("INFERENCE_BATCH_WAIT", "", "INFERENCE_BATCH_WAIT_MS", "12")))
                .as("compose passes the new name blank").isEqualTo(Duration.ofMillis(12));
        assertThat(maxWait(Map.of("INFERENCE_BATCH_WAIT", "3ms", "INFERENCE_BATCH_WAIT_MS", "12")))
                .as("the new name wins").isEqualTo(Duration.ofMillis(3));
    }

    @Test
    void unsetOrBlankIsTheDefaultOfFiveMilliseconds() {
        assertThat(maxWait(Map.of())).isEqualTo(Duration.ofMillis(5));
        assertThat(maxWait(Map.of("INFERENCE_BATCH_WAIT", "", "INFERENCE_BATCH_WAIT_MS", "")))
                .isEqualTo(Duration.ofMillis(5));
    }

    private static Duration maxWait(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new MapPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        new EnvironmentNamesPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return Binder.get(environment).bindOrCreate("sonority.inference.batch", BatchingProperties.class).maxWait();
    }
}
