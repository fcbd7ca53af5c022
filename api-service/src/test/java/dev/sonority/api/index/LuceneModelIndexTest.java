package dev.sonority.api.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.model.vector.store.VectorFilter;
import dev.sonority.model.vector.store.VectorHit;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** The HNSW index against brute force on seeded, clustered vectors (the seed replays a failure). */
class LuceneModelIndexTest {

    private static final long SEED = Long.getLong("sonority.test.seed", new Random().nextLong());

    @Test
    void graphRecallAtTenAgainstBruteForce() throws Exception {
        int n = 10_000;
        int dim = 32;
        float[][] vectors = ClusteredVectors.generate(SEED, n, dim, 40, 0.35);
        long[] ids = LongStream.range(0, n).map(i -> 1000 + i * 3).toArray();
        try (LuceneModelIndex index = index(vectors, ids, new HnswSettings(16, 100, 100, 1_000))) {
            Random random = new Random(SEED + 1);
            double found = 0;
            int queries = 100;
            for (int q = 0; q < queries; q++) {
                int seed = random.nextInt(n);
                Set<Long> excluded = Set.of(ids[seed]);
                long[] expected = ClusteredVectors.exactTopK(vectors, ids, vectors[seed], 10, excluded);
                List<VectorHit> hits = index.nearest(vectors[seed], 10, VectorFilter.excluding(excluded));
                assertThat(hits).hasSize(10).extracting(VectorHit::songId).doesNotContain(ids[seed]);
                found += hits.stream().filter(h -> Arrays.stream(expected).anyMatch(e -> e == h.songId())).count();
            }
            double recall = found / (queries * 10.0);
            assertThat(recall).as("recall@10, seed %d", SEED).isGreaterThanOrEqualTo(0.95);
        }
    }

    @Test
    void smallIndexIsSearchedExactlyWithCosineScores() throws Exception {
        int n = 500;
        float[][] vectors = ClusteredVectors.generate(SEED, n, 32, 5, 0.5);
        long[] ids = LongStream.range(1, n + 1).toArray();
        try (LuceneModelIndex index = index(vectors, ids, new HnswSettings(16, 100, 100, 1_000))) {
            float[] query = vectors[7];
            long[] expected = ClusteredVectors.exactTopK(vectors, ids, query, 25, Set.of());
            List<VectorHit> hits = index.nearest(query, 25, VectorFilter.NONE);
            assertThat(hits).extracting(VectorHit::songId).containsExactly(Arrays.stream(expected).boxed()
                    .toArray(Long[]::new));
            // the query itself comes first with cosine 1 (not Lucene's (1 + cos) / 2)
            assertThat(hits.getFirst().score()).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
        }
    }

    @Test
    void allowListAndExclusionsAreHonouredOnTheGraph() throws Exception {
        int n = 8_000;
        float[][] vectors = ClusteredVectors.generate(SEED, n, 48, 20, 0.4);
        long[] ids = LongStream.range(1, n + 1).toArray();
        try (LuceneModelIndex index = index(vectors, ids, new HnswSettings(16, 100, 100, 1_000))) {
            Set<Long> allowed = Set.of(5L, 17L, 999L, 4000L, 7999L, 8000L);
            List<VectorHit> hits = index.nearest(vectors[0], 10, new VectorFilter(allowed, Set.of(999L)));
            assertThat(hits).extracting(VectorHit::songId).containsExactlyInAnyOrder(5L, 17L, 4000L, 7999L, 8000L);
            assertThat(hits).isSortedAccordingTo((a, b) -> Float.compare(b.score(), a.score()));
        }
    }

    @Test
    void updateAndDeleteAreVisibleAfterPublish() throws Exception {
        float[][] vectors = ClusteredVectors.generate(SEED, 100, 16, 3, 0.5);
        long[] ids = LongStream.range(1, 101).toArray();
        try (LuceneModelIndex index = index(vectors, ids, new HnswSettings(16, 100, 100, 10))) {
            float[] moved = vectors[50].clone();
            index.upsert(3, moved, 2);
            index.delete(List.of(4L));
            index.publish(new SnapshotState("clap", 16, 99, Instant.now()));
            assertThat(index.size()).isEqualTo(99);
            assertThat(index.vector(4)).isEmpty();
            assertThat(index.vector(3)).hasValueSatisfying(v -> assertThat(v).containsExactly(moved));
            List<VectorHit> hits = index.nearest(moved, 2, VectorFilter.NONE);
            assertThat(hits).extracting(VectorHit::songId).containsExactlyInAnyOrder(3L, 51L);
        }
    }

    /** Many vectors in one read: the same as one read each, updated and deleted songs and unknown ids included. */
    @Test
    void vectorsOfManySongsAreWhatEachSongsReadGives() throws Exception {
        float[][] vectors = ClusteredVectors.generate(SEED, 300, 16, 3, 0.5);
        long[] ids = LongStream.range(1, 301).toArray();
        try (LuceneModelIndex index = index(vectors, ids, new HnswSettings(16, 100, 100, 10))) {
            float[] moved = vectors[200].clone();
            index.upsert(7, moved, 2);
            index.delete(List.of(8L));
            index.upsert(301, vectors[1], 1); // a second segment
            index.publish(new SnapshotState("clap", 16, 300, Instant.now()));
            List<Long> asked = List.of(1L, 7L, 8L, 150L, 300L, 301L, 5_000L);
            var many = index.vectors(asked);
            assertThat(many.keySet()).containsExactlyInAnyOrder(1L, 7L, 150L, 300L, 301L);
            for (long id : many.keySet()) {
                assertThat(many.get(id)).as("song %d", id).containsExactly(index.vector(id).orElseThrow());
            }
            assertThat(many.get(7L)).containsExactly(moved);
            assertThat(index.vectors(List.of())).isEmpty();
        }
    }

    @Test
    void aDeferredBuildEndsAsOneSegmentWithOneGraphOverEveryVector() throws Exception {
        int n = 6_000;
        int dim = 32;
        float[][] vectors = ClusteredVectors.generate(SEED, n, dim, 30, 0.35);
        long[] ids = LongStream.range(1, n + 1).toArray();
        try (LuceneModelIndex index = LuceneModelIndex.create("clap", dim, new ByteBuffersDirectory(),
                new HnswSettings(16, 100, 100, 100, 2))) {
            // first a bulk load that fits one segment (Lucene would not merge it), then a second bulk load on top
            index.deferGraph();
            for (int i = 0; i < 4_000; i++) {
                index.upsert(ids[i], vectors[i], 1);
            }
            index.publish(new SnapshotState("clap", dim, 4_000, Instant.now()));
            assertThat(index.graphSizes()).as("one segment, its graph over every vector").containsExactly(4_000);
            index.deferGraph();
            for (int i = 4_000; i < n; i++) {
                index.upsert(ids[i], vectors[i], 1);
            }
            index.publish(new SnapshotState("clap", dim, n, Instant.now()));
            assertThat(index.graphSizes()).containsExactly(n);

            Random random = new Random(SEED + 2);
            double found = 0;
            for (int q = 0; q < 100; q++) {
                int seed = random.nextInt(n);
                long[] expected = ClusteredVectors.exactTopK(vectors, ids, vectors[seed], 10, Set.of());
                found += index.nearest(vectors[seed], 10, VectorFilter.NONE).stream()
                        .filter(h -> Arrays.stream(expected).anyMatch(e -> e == h.songId())).count();
            }
            assertThat(found / 1_000).as("recall@10 of the merged graph, seed %d", SEED).isGreaterThanOrEqualTo(0.95);
        }
    }

    private static LuceneModelIndex index(float[][] vectors, long[] ids, HnswSettings settings) {
        LuceneModelIndex index = LuceneModelIndex.create("clap", vectors[0].length, new ByteBuffersDirectory(),
                settings);
        for (int i = 0; i < vectors.length; i++) {
            index.upsert(ids[i], vectors[i], 1);
        }
        index.publish(new SnapshotState("clap", vectors[0].length, vectors.length, Instant.now()));
        return index;
    }
}
