package dev.sonority.model.vector.qdrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonority.model.testing.qdrant.InProcessQdrant;
import dev.sonority.model.testing.qdrant.QdrantState;
import dev.sonority.model.vector.store.VectorPoint;
import dev.sonority.model.vector.store.VectorStoreUnavailableException;
import io.qdrant.client.grpc.Collections.Distance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The writer side against Qdrant's real gRPC services (in-process): collections, points, payloads, failures. */
class QdrantVectorSinkTest {

    private final InProcessQdrant qdrant = InProcessQdrant.start();
    private final QdrantGateway gateway = qdrant.gateway();
    private final QdrantVectorSink sink = new QdrantVectorSink(gateway);

    @AfterEach
    void close() {
        gateway.close();
        qdrant.close();
    }

    @Test
    void firstWriteCreatesACosineCollectionPerModelSizedByTheVector() {
        sink.upsert("clap", List.of(point(7, 0.6f, 0.8f, 0f)));
        sink.upsert("musicnn", List.of(point(7, 1f, 0f)));

        assertThat(qdrant.collections()).containsExactly("sonority_clap", "sonority_musicnn");
        QdrantState.StoredCollection clap = qdrant.state().collection("sonority_clap").orElseThrow();
        assertThat(clap.dim()).isEqualTo(3);
        assertThat(clap.distance()).isEqualTo(Distance.Cosine);
        assertThat(sink.collections().dimension("musicnn")).contains(2);
        assertThat(sink.collections().dimension("mert")).isEmpty();
    }

    @Test
    void pointIdIsTheSongIdAndThePayloadKeepsItsTypes() {
        sink.upsert("clap", List.of(new VectorPoint(42, new float[] {0.6f, 0.8f}, Map.of("file_path", "a/b.flac",
                "bpm", 120.5, "year", 1999, "instrumental", true, "loudness", Double.NaN))));

        QdrantState.StoredPoint stored = qdrant.state().point("sonority_clap", 42).orElseThrow();
        assertThat(stored.payload().get("song_id").getIntegerValue()).isEqualTo(42);
        assertThat(stored.payload().get("file_path").getStringValue()).isEqualTo("a/b.flac");
        assertThat(stored.payload().get("bpm").getDoubleValue()).isEqualTo(120.5);
        assertThat(stored.payload().get("year").getIntegerValue()).isEqualTo(1999);
        assertThat(stored.payload().get("instrumental").getBoolValue()).isTrue();
        assertThat(stored.payload()).as("NaN is never stored").doesNotContainKey("loudness");
        assertThat(stored.vector()).containsExactly(0.6f, 0.8f);
    }

    @Test
    void upsertReplacesByIdAndDeleteRemovesOnlyTheGivenSongs() {
        sink.upsert("clap", List.of(point(1, 1f, 0f), point(2, 0f, 1f), point(3, 0.6f, 0.8f)));
        sink.upsert("clap", List.of(point(2, 0.8f, 0.6f)));
        sink.delete("clap", List.of(1L, 99L));

        assertThat(sink.songIds("clap")).containsExactly(2L, 3L);
        assertThat(qdrant.state().point("sonority_clap", 2).orElseThrow().vector()).containsExactly(0.8f, 0.6f);
        sink.delete("mert", List.of(2L)); // no collection: nothing to delete, no error
        assertThat(qdrant.collections()).containsExactly("sonority_clap");
    }

    @Test
    void largeWritesAreSplitIntoBoundedRequestsAndScrollPagesThroughEveryId() {
        List<VectorPoint> points = new ArrayList<>();
        LongStream.rangeClosed(1, 2_300).forEach(id -> points.add(point(id, 1f, id)));
        sink.upsert("clap", points);

        int requests = (2_300 + QdrantVectorSink.MAX_POINTS_PER_REQUEST - 1) / QdrantVectorSink.MAX_POINTS_PER_REQUEST;
        assertThat(qdrant.calls("qdrant.Points/Upsert")).isEqualTo(requests);
        assertThat(sink.songIds("clap")).hasSize(2_300).isSorted().startsWith(1L).endsWith(2_300L);
        assertThat(qdrant.calls("qdrant.Points/Scroll")).isEqualTo(3); // 1000 + 1000 + 300
    }

    @Test
    void aChangedDimensionIsRefusedWithTheWayOutAndRecreateFixesIt() {
        sink.upsert("clap", List.of(point(1, 1f, 0f)));

        assertThatThrownBy(() -> sink.upsert("clap", List.of(point(1, 1f, 0f, 0f))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sonority_clap holds 2-dimensional vectors")
                .hasMessageContaining("POST /api/v1/batch/reindex/run");
        assertThatThrownBy(() -> sink.upsert("clap", List.of(point(1, 1f, 0f), point(2, 1f, 0f, 0f))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differ in size");

        sink.collections().recreate("clap", 3);
        sink.upsert("clap", List.of(point(1, 1f, 0f, 0f)));
        assertThat(qdrant.state().collection("sonority_clap").orElseThrow().dim()).isEqualTo(3);
    }

    @Test
    void aCollectionDroppedBehindTheWritersBackIsCreatedAgain() {
        sink.upsert("clap", List.of(point(1, 1f, 0f)));
        new QdrantCollections(gateway).drop("clap"); // another process (an operator) dropped it

        sink.upsert("clap", List.of(point(2, 0f, 1f)));

        assertThat(sink.songIds("clap")).containsExactly(2L);
    }

    @Test
    void anUnreachableQdrantIsAVectorStoreUnavailableExceptionWithTheStatus() {
        qdrant.setDown(true);

        assertThatThrownBy(() -> sink.upsert("clap", List.of(point(1, 1f, 0f))))
                .isInstanceOf(VectorStoreUnavailableException.class).hasMessageContaining("UNAVAILABLE");
        assertThat(gateway.reachable()).isFalse();
        qdrant.setDown(false);
        assertThat(gateway.reachable()).isTrue();
    }

    @Test
    void theApiKeyTravelsWithEveryCall() {
        try (InProcessQdrant secured = InProcessQdrant.start("s3cret");
                QdrantGateway withKey = secured.gateway();
                QdrantGateway withoutKey = secured.gateway(new QdrantSettings("http://x", "", Duration.ofSeconds(2), "sonority_"))) {
            new QdrantVectorSink(withKey).upsert("clap", List.of(point(1, 1f, 0f)));
            assertThat(secured.state().point("sonority_clap", 1)).isPresent();
            assertThatThrownBy(() -> new QdrantVectorSink(withoutKey).upsert("clap", List.of(point(2, 1f, 0f))))
                    .isInstanceOf(VectorStoreUnavailableException.class).hasMessageContaining("UNAUTHENTICATED");
        }
    }

    @Test
    void theSameServicesAnswerOverALoopbackPortForClientsThatConnectByUrl() {
        QdrantSettings settings = new QdrantSettings(qdrant.url(), "", Duration.ofSeconds(5), "sonority_");
        try (QdrantGateway byUrl = QdrantGateway.connect(settings)) {
            new QdrantVectorSink(byUrl).upsert("clap", List.of(point(5, 1f, 0f)));
        }
        assertThat(sink.songIds("clap")).containsExactly(5L);
    }

    private static VectorPoint point(long songId, float... vector) {
        return new VectorPoint(songId, vector, Map.of());
    }
}
