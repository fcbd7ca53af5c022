package dev.sonority.api.index.qdrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sonority.model.vector.qdrant.QdrantGateway;
import dev.sonority.model.vector.qdrant.QdrantSettings;
import dev.sonority.model.vector.qdrant.QdrantVectorSink;
import dev.sonority.model.vector.store.VectorFilter;
import dev.sonority.model.vector.store.VectorHit;
import dev.sonority.model.vector.store.VectorPoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Opt-in: the writer and the reader against a real Qdrant at {@code QDRANT_URL} (e.g. the
 * docker-compose.database.yaml service: {@code QDRANT_URL=http://localhost:6334}), in collections of their
 * own that are dropped afterwards. Skipped, saying so, when QDRANT_URL is not set.
 */
class RealQdrantTest {

    static final String URL = System.getenv("QDRANT_URL");
    static QdrantGateway gateway;
    static QdrantVectorSink sink;

    @BeforeAll
    static void connect() {
        if (URL == null || URL.isBlank()) {
            return;
        }
        String prefix = "sonority_test_" + UUID.randomUUID().toString().substring(0, 8) + "_";
        gateway = QdrantGateway.connect(new QdrantSettings(URL, System.getenv("QDRANT_API_KEY"), Duration.ofSeconds(10),
                prefix));
        sink = new QdrantVectorSink(gateway);
    }

    @BeforeEach
    void needsQdrant() {
        assumeTrue(gateway != null, "QDRANT_URL is not set: skipping the tests against a real Qdrant"
                + " (start one and run with QDRANT_URL=http://localhost:6334 [QDRANT_API_KEY=...])");
    }

    @AfterAll
    static void dropCollections() {
        if (gateway != null) {
            sink.collections().drop("clap");
            gateway.close();
        }
    }

    @Test
    void writesSearchesFiltersAndDeletesLikeTheInProcessServer() {
        QdrantVectorStore store = new QdrantVectorStore(gateway);
        assertThat(store.ready("clap")).as("Qdrant at " + URL + " answers its health check").isTrue();
        List<VectorPoint> points = new ArrayList<>();
        for (long id = 1; id <= 50; id++) {
            double angle = id * 0.02; // song k's cosine to song 1 is cos((k - 1) * 0.02): nearest are 2, 3, 4 ...
            points.add(new VectorPoint(id, new float[] {(float) Math.cos(angle), (float) Math.sin(angle), 0f},
                    Map.of("file_path", "s" + id + ".flac")));
        }
        sink.upsert("clap", points);
        float[] seed = points.getFirst().vector();

        assertThat(store.size("clap")).isEqualTo(50);
        assertThat(store.vector("clap", 7)).hasValueSatisfying(v -> assertThat(v).containsExactly(points.get(6).vector(),
                within(1e-6f)));
        List<VectorHit> hits = store.nearest("clap", seed, 4, VectorFilter.excluding(Set.of(1L)));
        assertThat(hits).extracting(VectorHit::songId).containsExactly(2L, 3L, 4L, 5L);
        assertThat((double) hits.getFirst().score()).isCloseTo(Math.cos(0.02), within(1e-5));
        assertThat(store.nearest("clap", seed, 10, new VectorFilter(Set.of(30L, 40L, 50L), Set.of(40L))))
                .extracting(VectorHit::songId).containsExactly(30L, 50L);

        sink.delete("clap", List.of(2L, 3L));
        assertThat(store.nearest("clap", seed, 2, VectorFilter.NONE)).extracting(VectorHit::songId)
                .containsExactly(1L, 4L);
        assertThat(sink.songIds("clap")).hasSize(48).doesNotContain(2L, 3L);
        assertThat(store.size("mert")).isZero();
    }
}
