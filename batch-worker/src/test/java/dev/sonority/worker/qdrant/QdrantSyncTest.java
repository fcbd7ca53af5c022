package dev.sonority.worker.qdrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.sonority.contract.vector.VectorCodec;
import dev.sonority.model.task.TaskType;
import dev.sonority.testing.TestBroker;
import dev.sonority.testing.TestDatabase;
import dev.sonority.model.testing.qdrant.InProcessQdrant;
import dev.sonority.model.testing.qdrant.QdrantState;
import dev.sonority.model.vector.qdrant.QdrantGateway;
import dev.sonority.model.vector.qdrant.QdrantVectorSink;
import dev.sonority.model.vector.store.VectorPoint;
import dev.sonority.worker.SonorityWorkerApplication;
import dev.sonority.worker.testing.WorkerJobTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The worker keeps Qdrant a copy of PostgreSQL (VECTOR_STORE=qdrant), against Qdrant's real gRPC services
 * served in-process on a loopback port, the real PostgreSQL (triggers, outbox) and RabbitMQ (vacuum and
 * reindex tasks submitted as the API does). Vectors are unit length, so Qdrant's cosine normalisation keeps
 * them exactly and they can be compared value for value.
 */
@SpringBootTest(classes = SonorityWorkerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        // "Qdrant" as a user writes it: the API took it for Qdrant, the worker (equals("qdrant")) did not
        properties = {"sonority.vector-store.kind=Qdrant", "sonority.vector-store.qdrant.sync-interval=100ms",
            "sonority.vector-store.qdrant.timeout=2s"})
class QdrantSyncTest extends WorkerJobTest {

    static final TestDatabase DB = TestDatabase.create();
    static final TestBroker MQ = TestBroker.create();
    static final InProcessQdrant QDRANT = InProcessQdrant.start();
    static final Path MUSIC;
    static final long MTIME_SECONDS = 1_700_000_000L;

    static {
        try {
            MUSIC = Files.createDirectories(Files.createTempDirectory("sonority-qdrant-").resolve("music"));
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        register(registry, DB, MQ, MUSIC);
        registry.add("sonority.vector-store.qdrant.url", QDRANT::url);
    }

    @AfterAll
    static void drop() {
        QDRANT.close();
        DB.close();
    }

    @Autowired
    QdrantOutbox outbox;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    QdrantHealth health;

    @BeforeEach
    void empty() {
        QDRANT.setDown(false);
        jdbc.sql("DELETE FROM song").update();
        await().atMost(Duration.ofSeconds(10)).until(() -> backlog() == 0);
        for (String collection : QDRANT.collections()) {
            try (QdrantGateway gateway = QDRANT.gateway()) {
                new QdrantVectorSink(gateway).collections().drop(collection.substring("sonority_".length()));
            }
        }
    }

    @Test
    void everyCommittedChangeReachesQdrantWithinSeconds() {
        song(1, "Artist A/Album/one.flac", "Artist A");
        vector(1, "clap", 0.6f, 0.8f, 0f);
        jdbc.sql("INSERT INTO song_descriptors (song_id, bpm, musical_key, scale, model_version)"
                + " VALUES (1, 120.0, 'G', 'major', 'acoustic-3')").update();
        vector(1, "musicnn", 1f, 0f);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(point("clap", 1).vector()).containsExactly(0.6f, 0.8f, 0f);
            assertThat(point("musicnn", 1).vector()).containsExactly(1f, 0f);
        });
        QdrantState.StoredPoint clap = point("clap", 1);
        assertThat(clap.payload().get("song_id").getIntegerValue()).isEqualTo(1);
        assertThat(clap.payload().get("file_path").getStringValue()).isEqualTo("Artist A/Album/one.flac");
        assertThat(clap.payload().get("artist").getStringValue()).isEqualTo("Artist A");

        vector(1, "clap", 0f, 0f, 1f); // re-analysis replaces the vector
        jdbc.sql("UPDATE song SET artist = 'Renamed' WHERE id = 1").update(); // a rescan changes a tag
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(point("clap", 1).vector()).containsExactly(0f, 0f, 1f);
            assertThat(point("musicnn", 1).payload().get("artist").getStringValue()).isEqualTo("Renamed");
        });

        jdbc.sql("DELETE FROM embedding WHERE song_id = 1 AND model = 'musicnn'").update(); // invalidation
        await().atMost(Duration.ofSeconds(10)).until(() -> QDRANT.state().point("sonority_musicnn", 1).isEmpty());
        assertThat(QDRANT.state().point("sonority_clap", 1)).isPresent();
        await().atMost(Duration.ofSeconds(5)).until(() -> backlog() == 0); // drained rows go with the commit
    }

    @Test
    void aQdrantOutageLosesNothingAndTheWorkerCatchesUpWhenItAnswersAgain() {
        QDRANT.setDown(true);
        for (long id = 1; id <= 3; id++) {
            song(id, "song" + id + ".flac", "X");
            vector(id, "clap", 1f, 0f);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM vector_outbox WHERE attempts > 0 AND last_error LIKE '%UNAVAILABLE%'")
                .query(Long.class).single() == 3);
        assertThat(QDRANT.state().points("sonority_clap")).isEmpty();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            org.springframework.boot.health.contributor.Health down = health.health();
            assertThat(down.getStatus()).isEqualTo(org.springframework.boot.health.contributor.Status.DOWN);
            assertThat(down.getDetails()).containsEntry("behind", 3L);
        });

        QDRANT.setDown(false);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(QDRANT.state().points("sonority_clap")).extracting(QdrantState.StoredPoint::id)
                        .containsExactly(1L, 2L, 3L));
        await().atMost(Duration.ofSeconds(5)).until(() -> backlog() == 0);
    }

    @Test
    void switchingToQdrantQueuesEveryVectorStoredBefore() {
        transaction.executeWithoutResult(s -> outbox.disable());
        song(7, "before.flac", "X");
        vector(7, "clap", 0f, 1f);
        assertThat(backlog()).isZero();

        Integer queued = transaction.execute(s -> outbox.enable());

        assertThat(queued).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(point("clap", 7).vector()).containsExactly(0f, 1f));
    }

    @Test
    void vacuumDeletesThePointsOfSongsWhoseFilesAreGone() throws Exception {
        file("kept.flac");
        song(1, "kept.flac", "X");
        song(2, "gone.flac", "X");
        vector(1, "clap", 1f, 0f);
        vector(2, "clap", 0f, 1f);
        await().atMost(Duration.ofSeconds(10)).until(() -> QDRANT.state().points("sonority_clap").size() == 2);

        Map<String, Object> task = support.awaitFinished(support.submit(TaskType.VACUUM, null), Duration.ofSeconds(60));

        assertThat(task.get("status")).as(String.valueOf(task.get("message"))).isEqualTo("SUCCESS");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(QDRANT.state().points("sonority_clap")).extracting(QdrantState.StoredPoint::id)
                        .containsExactly(1L));
    }

    @Test
    void reindexRebuildsQdrantFromPostgresqlAndRemovesWhatPostgresqlDoesNotHave() throws Exception {
        int songs = ReindexJob.PAGE + 88; // more than one page
        for (long id = 1; id <= songs; id++) {
            song(id, "s" + id + ".flac", "X");
            double angle = id * 0.001;
            vector(id, "clap", (float) Math.cos(angle), (float) Math.sin(angle));
        }
        vector(1, "mert", 1f, 0f, 0f, 0f);
        await().atMost(Duration.ofSeconds(30)).until(() -> backlog() == 0);
        // Qdrant drifts from the truth: a collection lost, a stray point, a collection of the wrong size
        try (QdrantGateway gateway = QDRANT.gateway()) {
            QdrantVectorSink sink = new QdrantVectorSink(gateway);
            sink.collections().drop("clap");
            sink.collections().recreate("mert", 3);
            sink.upsert("mert", List.of(new VectorPoint(999_999, new float[] {1f, 0f, 0f}, Map.of())));
        }

        Map<String, Object> task = support.awaitFinished(support.submit(TaskType.REINDEX, null), Duration.ofSeconds(60));

        assertThat(task.get("status")).as(String.valueOf(task.get("message"))).isEqualTo("SUCCESS");
        assertThat(task.get("total_count")).isEqualTo(songs + 1);
        assertThat(task.get("processed_count")).isEqualTo(songs + 1);
        assertThat(task.get("progress")).isEqualTo(100);
        assertThat(task.get("message").toString()).contains("Wrote " + (songs + 1) + " vectors of 2 models");
        assertThat(QDRANT.state().points("sonority_clap")).hasSize(songs);
        for (Map<String, Object> row : jdbc.sql("SELECT song_id, data FROM embedding WHERE model = 'clap'")
                .query().listOfRows()) {
            long id = ((Number) row.get("song_id")).longValue();
            // cos/sin rounded to float are unit length to 1e-7: Qdrant's normalisation may move the last bit
            assertThat(point("clap", id).vector()).as("song " + id)
                    .containsExactly(VectorCodec.decode((byte[]) row.get("data")), within(1e-6f));
        }
        assertThat(QDRANT.state().collection("sonority_mert").orElseThrow().dim()).isEqualTo(4);
        assertThat(QDRANT.state().points("sonority_mert")).extracting(QdrantState.StoredPoint::id).containsExactly(1L);
    }

    @Test
    void reindexOfOneModelLeavesTheOthersAloneAndAnOutageFailsItWithTheWayOut() throws Exception {
        song(1, "a.flac", "X");
        vector(1, "clap", 1f, 0f);
        vector(1, "mert", 0f, 1f);
        await().atMost(Duration.ofSeconds(10)).until(() -> backlog() == 0);
        try (QdrantGateway gateway = QDRANT.gateway()) {
            QdrantVectorSink sink = new QdrantVectorSink(gateway);
            sink.collections().drop("clap");
            sink.collections().drop("mert");
        }

        Map<String, Object> task = support.awaitFinished(support.submit(TaskType.REINDEX, "{\"models\":[\"clap\"]}"),
                Duration.ofSeconds(60));

        assertThat(task.get("status")).isEqualTo("SUCCESS");
        assertThat(QDRANT.collections()).containsExactly("sonority_clap");

        QDRANT.setDown(true);
        Map<String, Object> failed = support.awaitFinished(support.submit(TaskType.REINDEX, null), Duration.ofSeconds(60));
        assertThat(failed.get("status")).isEqualTo("FAILURE");
        assertThat(failed.get("message").toString()).contains("did not answer").contains("UNAVAILABLE")
                .contains("safe in PostgreSQL");
    }

    @Test
    void aCancelledReindexStopsBetweenPages() throws Exception {
        int songs = 10 * ReindexJob.PAGE;
        jdbc.sql("INSERT INTO song (id, path, file_size, file_mtime) SELECT g, 's' || g || '.flac', 4, now()"
                + " FROM generate_series(1, :n) g").param("n", songs).update();
        jdbc.sql("INSERT INTO embedding (song_id, model, kind, dim, data, model_version) SELECT id, 'clap', 'search',"
                + " 2, '\\x0000803f00000000'::bytea, '1' FROM song").update();
        await().atMost(Duration.ofSeconds(60)).until(() -> backlog() == 0);
        QDRANT.setDelay(Duration.ofMillis(150)); // a slow Qdrant: each page takes about 0.3 s
        try {
            UUID id = support.submit(TaskType.REINDEX, null);
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT processed_count FROM task WHERE id = :id")
                    .param("id", id).query(Integer.class).single() >= ReindexJob.PAGE);
            jdbc.sql("UPDATE task SET cancel_requested = TRUE WHERE id = :id").param("id", id).update(); // as the API does

            Map<String, Object> task = support.awaitFinished(id, Duration.ofSeconds(30));

            assertThat(task.get("status")).isEqualTo("CANCELLED");
            assertThat((Integer) task.get("processed_count")).isLessThan(songs);
        } finally {
            QDRANT.setDelay(Duration.ZERO);
        }
    }

    private static QdrantState.StoredPoint point(String model, long songId) {
        return QDRANT.state().point("sonority_" + model, songId)
                .orElseThrow(() -> new AssertionError("no point " + songId + " in " + model));
    }

    private long backlog() {
        return jdbc.sql("SELECT count(*) FROM vector_outbox").query(Long.class).single();
    }

    private void song(long id, String path, String artist) {
        jdbc.sql("INSERT INTO song (id, path, artist, file_size, file_mtime) VALUES (:id, :path, :artist, 4,"
                + " to_timestamp(:mtime))").param("id", id).param("path", path).param("artist", artist)
                .param("mtime", MTIME_SECONDS).update();
    }

    private void vector(long songId, String model, float... vector) {
        jdbc.sql("""
                INSERT INTO embedding (song_id, model, kind, dim, data, model_version)
                VALUES (:song, :model, 'search', :dim, :data, '1')
                ON CONFLICT (song_id, model, kind) DO UPDATE SET dim = EXCLUDED.dim, data = EXCLUDED.data
                """).param("song", songId).param("model", model).param("dim", vector.length)
                .param("data", VectorCodec.encode(vector)).update();
    }

    private static void file(String path) throws IOException {
        Path file = Files.write(MUSIC.resolve(path), new byte[] {1, 2, 3, 4});
        Files.setLastModifiedTime(file, FileTime.from(java.time.Instant.ofEpochSecond(MTIME_SECONDS)));
    }

}
