package dev.sonority.worker.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.audio.fixture.AudioFileWriter;
import dev.sonority.audio.fixture.FixtureTags;
import dev.sonority.audio.fixture.TestSignals;
import dev.sonority.model.task.TaskType;
import dev.sonority.testing.TestBroker;
import dev.sonority.testing.TestDatabase;
import dev.sonority.worker.SonorityWorkerApplication;
import dev.sonority.worker.testing.WorkerJobTest;
import dev.sonority.audio.fixture.FixtureLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Scan and vacuum through the real queue path: a task row and a job message (as the API sends them), the
 * worker consuming from the real RabbitMQ, writing the real PostgreSQL, reading real files.
 */
@SpringBootTest(classes = SonorityWorkerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScanAndVacuumTest extends WorkerJobTest {

    static final TestDatabase DB = TestDatabase.create();
    static final TestBroker MQ = TestBroker.create();
    static final Path MUSIC;
    static final FixtureLibrary LIBRARY;

    static {
        try {
            MUSIC = Files.createTempDirectory("sonority-scan-").resolve("music");
            LIBRARY = FixtureLibrary.create(MUSIC);
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        register(registry, DB, MQ, MUSIC);
    }

    @AfterAll
    static void drop() {
        DB.close();
    }

    @Test
    @Order(1)
    void firstScanRecordsEveryAudioFileWithTagsOrAReason() throws Exception {
        Map<String, Object> task = scan();

        assertThat(task.get("status")).isEqualTo("SUCCESS");
        assertThat(task.get("details").toString())
                .contains("\"new_count\": " + (LIBRARY.good().size() + LIBRARY.broken().size()))
                .contains("\"unreadable_count\": " + LIBRARY.broken().size())
                .contains("symbolic link loop");
        for (Map.Entry<String, String> song : LIBRARY.good().entrySet()) {
            Map<String, Object> row = jdbc.sql("SELECT title, scan_error, tag_source FROM song WHERE path = :p")
                    .param("p", song.getKey()).query().singleRow();
            assertThat(row.get("title")).as(song.getKey()).isEqualTo(song.getValue());
            assertThat(row.get("scan_error")).as(song.getKey()).isNull();
            assertThat(row.get("tag_source")).as(song.getKey()).isIn("JAUDIOTAGGER", "FFMPEG");
        }
        for (Map.Entry<String, String> file : LIBRARY.broken().entrySet()) {
            String error = jdbc.sql("SELECT scan_error FROM song WHERE path = :p").param("p", file.getKey())
                    .query(String.class).single();
            assertThat(error).as(file.getKey()).startsWith(file.getValue() + ":");
        }
        assertThat(paths()).noneMatch(p -> p.endsWith(".txt")).noneMatch(p -> p.contains("/loop/"))
                .noneMatch(p -> p.contains("back to root"));
        assertThat(task.get("details").toString()).contains("\"walk_problem_count\": 2");
    }

    @Test
    @Order(2)
    void secondScanFindsEverythingUnchanged() throws Exception {
        Map<String, Object> task = scan();

        assertThat(task.get("details").toString()).contains("\"new_count\": 0").contains("\"changed_count\": 0")
                .contains("\"unchanged_count\": " + (LIBRARY.good().size() + LIBRARY.broken().size()));
    }

    @Test
    @Order(3)
    void changedFilesAreInvalidatedAndGoneFilesMarkedMissing() throws Exception {
        String changed = "Artist A/Album One/01 First.flac";
        String removed = "Artist A/Album One/02 Second.mp3";
        long changedId = songId(changed);
        jdbc.sql("INSERT INTO song_analysis (song_id, model, status, model_version) VALUES (:id, 'acoustic_features',"
                + " 'COMPLETED', 'v-old')").param("id", changedId).update();
        AudioFileWriter.write(MUSIC.resolve(changed), TestSignals.sine(880, 5.0, 44_100, 0.5), 44_100,
                FixtureTags.of("First (remastered)", "Artist A", "Test Album"));
        Files.delete(MUSIC.resolve(removed));

        Map<String, Object> task = scan();

        assertThat(task.get("details").toString()).contains("\"changed_count\": 1").contains("\"gone_count\": 1");
        assertThat(jdbc.sql("SELECT count(*) FROM song_analysis WHERE song_id = :id").param("id", changedId)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT title FROM song WHERE id = :id").param("id", changedId).query(String.class)
                .single()).isEqualTo("First (remastered)");
        assertThat(jdbc.sql("SELECT missing_since IS NOT NULL FROM song WHERE path = :p").param("p", removed)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    @Order(4)
    void vacuumRemovesSongsWhoseFilesAreGone() throws Exception {
        String removed = "Artist A/Album One/02 Second.mp3";
        UUID id = support.submit(TaskType.VACUUM, null);
        Map<String, Object> task = support.awaitFinished(id, Duration.ofSeconds(60));

        assertThat(task.get("status")).isEqualTo("SUCCESS");
        assertThat(task.get("details").toString()).contains("\"removed_count\": 1");
        assertThat(paths()).doesNotContain(removed).contains("Artist A/Album One/01 First.flac");
    }

    @Test
    @Order(5)
    void aMissingMusicDirFailsTheTaskWithThatReasonAndDeletesNothing() throws Exception {
        Path aside = MUSIC.resolveSibling("music-unmounted");
        int before = paths().size();
        Files.move(MUSIC, aside);
        try {
            Map<String, Object> scan = scan();
            UUID vacuumId = support.submit(TaskType.VACUUM, null);
            Map<String, Object> vacuum = support.awaitFinished(vacuumId, Duration.ofSeconds(60));

            assertThat(scan.get("status")).isEqualTo("FAILURE");
            assertThat(scan.get("message").toString()).contains("MUSIC_DIR").contains("does not exist");
            assertThat(vacuum.get("status")).isEqualTo("FAILURE");
            assertThat(paths()).hasSize(before);
        } finally {
            Files.move(aside, MUSIC);
        }
    }

    @Test
    @Order(6)
    void anEmptyMusicDirIsNotMistakenForADeletedLibrary() throws Exception {
        Path aside = MUSIC.resolveSibling("music-aside");
        int before = paths().size();
        Files.move(MUSIC, aside);
        Files.createDirectories(MUSIC);
        try {
            UUID vacuumId = support.submit(TaskType.VACUUM, null);
            Map<String, Object> vacuum = support.awaitFinished(vacuumId, Duration.ofSeconds(60));

            assertThat(vacuum.get("status")).isEqualTo("FAILURE");
            assertThat(vacuum.get("message").toString()).contains("Refusing to delete all");
            assertThat(paths()).hasSize(before);
        } finally {
            Files.delete(MUSIC);
            Files.move(aside, MUSIC);
        }
    }

    private Map<String, Object> scan() throws Exception {
        UUID id = support.submit(TaskType.SCAN, null);
        return support.awaitFinished(id, Duration.ofSeconds(120));
    }

    private long songId(String path) {
        return jdbc.sql("SELECT id FROM song WHERE path = :p").param("p", path).query(Long.class).single();
    }

    private List<String> paths() {
        return jdbc.sql("SELECT path FROM song").query(String.class).list();
    }
}
