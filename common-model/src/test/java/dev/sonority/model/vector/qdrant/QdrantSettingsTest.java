package dev.sonority.model.vector.qdrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class QdrantSettingsTest {

    @Test
    void theUrlGivesHostPortAndTls() {
        assertThat(settings("http://qdrant:6334").endpoint()).isEqualTo(new QdrantSettings.Endpoint("qdrant", 6334, false));
        assertThat(settings("https://q.example.org").endpoint())
                .isEqualTo(new QdrantSettings.Endpoint("q.example.org", 6334, true));
        assertThat(settings("localhost:7000").endpoint()).isEqualTo(new QdrantSettings.Endpoint("localhost", 7000, false));
        assertThat(settings("").endpoint()).isEqualTo(new QdrantSettings.Endpoint("localhost", 6334, false));
    }

    @Test
    void badSettingsFailAtStartupNamingTheVariable() {
        assertThatThrownBy(() -> new QdrantSettings("grpc://qdrant:6334", "", Duration.ofSeconds(5), "sonority_"))
                .hasMessageContaining("QDRANT_URL must start with http");
        assertThatThrownBy(() -> new QdrantSettings("http://", "", Duration.ofSeconds(5), "sonority_"))
                .hasMessageContaining("QDRANT_URL");
        assertThatThrownBy(() -> new QdrantSettings("http://q", "", Duration.ZERO, "sonority_"))
                .hasMessageContaining("QDRANT_TIMEOUT must be positive");
    }

    /** Bound as the services bind it: only QDRANT_URL set, every other setting its default. */
    private static QdrantSettings settings(String url) {
        return new Binder(new MapConfigurationPropertySource(Map.of("sonority.vector-store.qdrant.url", url)))
                .bindOrCreate("sonority.vector-store.qdrant", QdrantSettings.class);
    }
}
