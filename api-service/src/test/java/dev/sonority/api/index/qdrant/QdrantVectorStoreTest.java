package dev.sonority.api.index.qdrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.sonority.contract.vector.Vectors;
import dev.sonority.model.testing.qdrant.InProcessQdrant;
import dev.sonority.model.vector.qdrant.QdrantGateway;
import dev.sonority.model.vector.qdrant.QdrantSettings;
import dev.sonority.model.vector.qdrant.QdrantVectorSink;
import dev.sonority.model.vector.store.VectorFilter;
import dev.sonority.model.vector.store.VectorHit;
import dev.sonority.model.vector.store.VectorPoint;
import dev.sonority.model.vector.store.VectorStoreUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Writer (the worker's sink) → Qdrant's real gRPC services (in-process) → reader. The expected neighbours
 * come from the cosine formula evaluated here in double precision over the same vectors.
 */
class QdrantVectorStoreTest {

    static final int DIM = 16;
    static final int SONGS = 300;

    private final InProcessQdrant qdrant = InProcessQdrant.start();
    private final QdrantGateway gateway = qdrant.gateway();
    private final QdrantVectorStore store = new QdrantVectorStore(gateway);
    private final List<float[]> vectors = new ArrayList<>();

    @BeforeEach
    void write() {
        Random random = new Random(20261201);
        List<VectorPoint> points = new ArrayList<>();
        for (long id = 1; id <= SONGS; id++) {
            float[] v = unit(random);
            vectors.add(v);
            points.add(new VectorPoint(id, v, Map.of("file_path", "song" + id + ".flac")));
        }
        new QdrantVectorSink(gateway).upsert("clap", points);
    }

    @AfterEach
    void close() {
        gateway.close();
        qdrant.close();
    }

    @Test
    void nearestAreTheExactCosineNeighboursBestFirstWithTheirScores() {
        float[] query = vectors.get(41); // song 42 itself is its own best match, score 1

        List<VectorHit> hits = store.nearest("clap", query, 10, VectorFilter.NONE);

        List<Long> expected = expectedIds(query, 10, id -> true);
        assertThat(hits).extracting(VectorHit::songId).containsExactlyElementsOf(expected);
        assertThat(hits.getFirst().songId()).isEqualTo(42);
        assertThat(hits.getFirst().score()).isCloseTo(1f, within(1e-5f));
        for (VectorHit hit : hits) {
            assertThat((double) hit.score()).as("song " + hit.songId())
                    .isCloseTo(cosine(query, vectors.get((int) hit.songId() - 1)), within(1e-5));
        }
    }

    @Test
    void excludedSongsNeverComeBackAndAllowedSongsAreTheOnlyOnes() {
        float[] query = vectors.get(41);
        Set<Long> allowed = LongStream.rangeClosed(100, 200).boxed().collect(Collectors.toSet());

        List<VectorHit> withoutSeed = store.nearest("clap", query, 10, VectorFilter.excluding(Set.of(42L)));
        List<VectorHit> onlyAllowed = store.nearest("clap", query, 10, new VectorFilter(allowed, Set.of(150L)));

        assertThat(withoutSeed).extracting(VectorHit::songId)
                .containsExactlyElementsOf(expectedIds(query, 10, id -> id != 42));
        assertThat(onlyAllowed).hasSize(10).extracting(VectorHit::songId)
                .containsExactlyElementsOf(expectedIds(query, 10, id -> allowed.contains(id) && id != 150));
        assertThat(store.nearest("clap", query, 10, new VectorFilter(Set.of(), Set.of()))).isEmpty();
        assertThat(store.nearest("clap", query, 10, new VectorFilter(Set.of(7L, 9L), Set.of())))
                .extracting(VectorHit::songId).containsExactlyInAnyOrder(7L, 9L);
    }

    @Test
    void vectorSizeAndDeletesReadWhatTheWriterWrote() {
        assertThat(store.vector("clap", 5)).hasValueSatisfying(v -> assertThat(v).containsExactly(vectors.get(4),
                within(1e-6f)));
        assertThat(store.size("clap")).isEqualTo(SONGS);

        new QdrantVectorSink(gateway).delete("clap", List.of(5L, 6L));

        assertThat(store.vector("clap", 5)).isEmpty();
        assertThat(store.size("clap")).isEqualTo(SONGS - 2);
        assertThat(store.nearest("clap", vectors.get(4), 3, VectorFilter.NONE)).extracting(VectorHit::songId)
                .doesNotContain(5L, 6L);
    }

    @Test
    void aModelWithoutACollectionIsEmptyNotAnError() {
        assertThat(store.ready("mert")).isTrue();
        assertThat(store.size("mert")).isZero();
        assertThat(store.vector("mert", 1)).isEmpty();
        assertThat(store.nearest("mert", vectors.getFirst(), 5, VectorFilter.NONE)).isEmpty();
    }

    @Test
    void anUnreachableQdrantIsNotReadyAndSearchesFailAsUnavailable() throws Exception {
        qdrant.setDown(true);
        // ready() answers from a health check cached for READY_CACHE: it turns false once that is out of date
        await().atMost(Duration.ofSeconds(30)).until(() -> !store.ready("clap"));

        assertThatThrownBy(() -> store.nearest("clap", vectors.getFirst(), 5, VectorFilter.NONE))
                .isInstanceOf(VectorStoreUnavailableException.class).hasMessageContaining("UNAVAILABLE");
        assertThatThrownBy(() -> store.size("clap")).isInstanceOf(VectorStoreUnavailableException.class);

        qdrant.setDown(false);
        await().atMost(Duration.ofSeconds(30)).until(() -> store.ready("clap"));
    }

    @Test
    void aHungQdrantFailsTheSearchAtTheDeadline() {
        QdrantSettings settings = new QdrantSettings(qdrant.url(), "", Duration.ofMillis(300), "sonority_");
        try (QdrantGateway slow = QdrantGateway.connect(settings)) {
            QdrantVectorStore byUrl = new QdrantVectorStore(slow);
            // the first connection (Netty warming up) may take longer than this short deadline
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(slow::reachable);
            assertThat(byUrl.nearest("clap", vectors.getFirst(), 1, VectorFilter.NONE)).hasSize(1);
            qdrant.setDelay(Duration.ofSeconds(3));

            long start = System.nanoTime();
            assertThatThrownBy(() -> byUrl.nearest("clap", vectors.getFirst(), 5, VectorFilter.NONE))
                    .isInstanceOf(VectorStoreUnavailableException.class).hasMessageContaining("DEADLINE_EXCEEDED");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_000));
        } finally {
            qdrant.setDelay(Duration.ZERO);
        }
    }

    private List<Long> expectedIds(float[] query, int k, java.util.function.LongPredicate accept) {
        return LongStream.rangeClosed(1, SONGS).filter(accept).boxed()
                .sorted(Comparator.comparingDouble((Long id) -> -cosine(query, vectors.get((int) (id - 1))))
                        .thenComparingLong(id -> id))
                .limit(k).toList();
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    private static float[] unit(Random random) {
        float[] v = new float[DIM];
        for (int i = 0; i < DIM; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return Vectors.normalizeInPlace(v);
    }
}
