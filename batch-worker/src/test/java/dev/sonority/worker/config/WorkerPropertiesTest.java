package dev.sonority.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The worker's defaults live on the record; a value that makes no sense fails the start naming its variable. */
class WorkerPropertiesTest {

    @Test
    void nothingSetGivesTheDocumentedDefaults() {
        WorkerProperties defaults = bind(Map.of());
        assertThat(defaults.musicDir()).isEqualTo(Path.of("/music"));
        assertThat(defaults.decodeTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(defaults.analyzeMaxDuration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(defaults.concurrency()).isEqualTo(2);
        assertThat(defaults.analyzeBatchSize()).isEqualTo(8);
        assertThat(defaults.maxAttempts()).isEqualTo(3);
        assertThat(defaults.scanThreads()).isEqualTo(Math.max(2, Runtime.getRuntime().availableProcessors()));
        assertThat(defaults.heartbeat()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.staleAfter()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aZeroCountOrDurationIsRefusedInsteadOfQuietlyReplaced() {
        assertThatThrownBy(() -> bind(Map.of("concurrency", "0"))).isInstanceOf(BindException.class)
                .rootCause().hasMessage("WORKER_CONCURRENCY must be at least 1, not 0");
        assertThatThrownBy(() -> bind(Map.of("decode-timeout", "0s"))).rootCause()
                .hasMessage("DECODE_TIMEOUT must be a positive duration (e.g. 30s), not PT0S");
        assertThatThrownBy(() -> bind(Map.of("heartbeat", "40s"))).rootCause()
                .hasMessageContaining("TASK_STALE_AFTER (PT1M) must be at least twice TASK_HEARTBEAT (PT40S)");
    }

    private static WorkerProperties bind(Map<String, String> settings) {
        Map<String, String> prefixed = new java.util.HashMap<>();
        settings.forEach((key, value) -> prefixed.put("sonority.worker." + key, value));
        return new Binder(new MapConfigurationPropertySource(prefixed)).bindOrCreate("sonority.worker",
                WorkerProperties.class);
    }
}
