package dev.sonority.api.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonority.contract.vector.VectorCodec;
import dev.sonority.testing.TestDatabase;
import dev.sonority.model.vector.store.VectorFilter;
import dev.sonority.model.vector.store.VectorHit;
import dev.sonority.model.vector.store.VectorStoreUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The embedded indexes against the real PostgreSQL: consistency with the {@code embedding} table after
 * adds, updates and deletes, and a restart that opens the snapshot and catches up instead of rebuilding.
 */
class EmbeddedIndexesIT {

    static final TestDatabase DB = TestDatabase.create();
    static DriverManagerDataSource dataSource;
    static JdbcClient jdbc;
    static final long SEED = new Random().nextLong();
    static final HnswSettings GRAPH = new HnswSettings(16, 100, 100, 50, 2); // 50: the graph answers, not exact

    @TempDir
    Path snapshots;

    final Map<Long, float[]> vectors = new LinkedHashMap<>();
    final Random random = new Random(SEED);

    @BeforeAll
    static void schema() {
        dataSource = new DriverManagerDataSource(DB.jdbcUrl(), DB.username(), "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
    }

    @AfterAll
    static void drop() {
        DB.close();
    }

    @BeforeEach
    void empty() {
        jdbc.sql("TRUNCATE song, embedding RESTART IDENTITY CASCADE").update();
    }

    @Test
    void restartOpensTheSnapshotAndCatchesUpWithAddsUpdatesAndDeletes() throws Exception {
        float[][] generated = ClusteredVectors.generate(SEED, 420, 16, 6, 0.4);
        for (int i = 0; i < 300; i++) {
            add(generated[i]);
        }
        try (EmbeddedIndexes first = indexes()) {
            first.start();
            assertThat(first.ready("clap")).isTrue();
            assertConsistent(first);
        }
        assertThat(generations()).containsExactly("1");

        // while the API is down: 10 songs vacuumed, 5 vectors re-analysed, 120 songs added
        List<Long> ids = List.copyOf(vectors.keySet());
        for (long id : ids.subList(0, 10)) {
            jdbc.sql("DELETE FROM song WHERE id = :id").param("id", id).update();
            vectors.remove(id);
        }
        for (long id : ids.subList(20, 25)) {
            update(id, generated[400 + (int) (id % 20)]);
        }
        for (int i = 300; i < 420; i++) {
            add(generated[i]);
        }
        try (EmbeddedIndexes second = indexes()) {
            second.start();
            assertThat(generations()).as("opened and caught up, not rebuilt").containsExactly("1");
            assertConsistent(second);
        }
    }

    @Test
    void aRefreshFindsChangesAndADimensionChangeRebuilds() throws Exception {
        float[][] generated = ClusteredVectors.generate(SEED, 200, 16, 4, 0.4);
        for (float[] v : generated) {
            add(v);
        }
        try (EmbeddedIndexes indexes = indexes()) {
            indexes.start();
            long first = vectors.keySet().iterator().next();
            jdbc.sql("DELETE FROM song WHERE id = :id").param("id", first).update();
            vectors.remove(first);
            add(generated[3].clone());
            indexes.refresh("clap");
            assertConsistent(indexes);

            float[][] smaller = ClusteredVectors.generate(SEED + 1, vectors.size(), 8, 4, 0.4);
            int i = 0;
            for (long id : List.copyOf(vectors.keySet())) {
                update(id, smaller[i++]);
            }
            indexes.refresh("clap");
            assertThat(indexes.index("clap").orElseThrow().dim()).isEqualTo(8);
            assertThat(generations()).containsExactly("2");
            assertConsistent(indexes);
        }
    }

    @Test
    void beforeTheFirstLoadTheStoreIsNotReadyAndRefusesToAnswer() {
        add(new float[] {1, 0, 0});
        try (EmbeddedIndexes indexes = indexes()) {
            EmbeddedVectorStore store = new EmbeddedVectorStore(indexes);
            assertThat(store.ready("clap")).isFalse();
            assertThatThrownBy(() -> store.nearest("clap", new float[] {1, 0, 0}, 10, VectorFilter.NONE))
                    .isInstanceOf(VectorStoreUnavailableException.class).hasMessageContaining("loading");
            indexes.start();
            assertThat(store.ready("clap")).isTrue();
            assertThat(store.nearest("clap", new float[] {1, 0, 0}, 10, VectorFilter.NONE)).hasSize(1);
            assertThat(store.ready("muq")).isTrue(); // no vectors at all: ready, and empty (size 0)
            assertThat(store.size("muq")).isZero();
        }
    }

    private EmbeddedIndexes indexes() {
        return new EmbeddedIndexes(new EmbeddingRows(dataSource), new SnapshotStore(snapshots), GRAPH);
    }

    /** Same songs and vectors as the table; top-10 of a few queries overlap brute force by at least 9. */
    private void assertConsistent(EmbeddedIndexes indexes) {
        LuceneModelIndex index = indexes.index("clap").orElseThrow();
        assertThat(new HashSet<>(Arrays.stream(index.songIds()).boxed().toList())).isEqualTo(vectors.keySet());
        long[] ids = vectors.keySet().stream().mapToLong(Long::longValue).toArray();
        float[][] all = vectors.values().stream().map(v -> ClusteredVectors.unit(v.clone())).toArray(float[][]::new);
        for (int q = 0; q < 10; q++) {
            int pick = random.nextInt(ids.length);
            assertThat(index.vector(ids[pick])).hasValueSatisfying(v -> assertThat(v).containsExactly(all[pick],
                    org.assertj.core.data.Offset.offset(1e-6f)));
            long[] expected = ClusteredVectors.exactTopK(all, ids, all[pick], 10, Set.of(ids[pick]));
            List<VectorHit> hits = index.nearest(all[pick], 10, VectorFilter.excluding(Set.of(ids[pick])));
            long overlap = hits.stream().filter(h -> Arrays.stream(expected).anyMatch(e -> e == h.songId())).count();
            assertThat(overlap).as("seed %d", SEED).isGreaterThanOrEqualTo(9);
        }
    }

    private void add(float[] vector) {
        long id = jdbc.sql("INSERT INTO song (path, file_size, file_mtime) VALUES (:p, 1, now()) RETURNING id")
                .param("p", "song-" + vectors.size() + "-" + random.nextInt() + ".flac").query(Long.class).single();
        update(id, vector);
    }

    private void update(long id, float[] vector) {
        jdbc.sql("""
                INSERT INTO embedding (song_id, model, kind, dim, data, model_version)
                VALUES (:id, 'clap', 'search', :dim, :data, 'test')
                ON CONFLICT (song_id, model, kind) DO UPDATE SET data = EXCLUDED.data, dim = EXCLUDED.dim,
                    updated_at = now()""")
                .param("id", id).param("dim", vector.length).param("data", VectorCodec.encode(vector)).update();
        vectors.put(id, vector.clone());
    }

    private List<String> generations() throws Exception {
        try (Stream<Path> paths = Files.list(snapshots.resolve("clap"))) {
            return paths.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
