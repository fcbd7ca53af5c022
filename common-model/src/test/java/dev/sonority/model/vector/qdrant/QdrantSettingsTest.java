package dev.sonority.model.vector.qdrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

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
        assertThatThrownBy(() -> settings("grpc://qdrant:6334")).hasMessageContaining("QDRANT_URL must start with http");
        assertThatThrownBy(() -> settings("http://")).hasMessageContaining("QDRANT_URL");
        assertThatThrownBy(() -> new QdrantSettings("http://q", "", Duration.ZERO, null))
                .hasMessageContaining("QDRANT_TIMEOUT must be positive");
    }

    private static QdrantSettings settings(String url) {
        return new QdrantSettings(url, null, null, null);
    }
}
