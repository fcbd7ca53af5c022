package dev.sonority.model.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonority.model.CommonModelConfiguration;
import dev.sonority.model.embedding.Embedding;
import dev.sonority.model.embedding.EmbeddingKind;
import dev.sonority.model.embedding.EmbeddingRepository;
import dev.sonority.model.song.Song;
import dev.sonority.model.song.SongRepository;
import dev.sonority.model.task.Task;
import dev.sonority.model.task.TaskRepository;
import dev.sonority.model.task.TaskStatus;
import dev.sonority.model.task.TaskType;
import dev.sonority.model.testing.TestDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Flyway builds the schema on a fresh database and Hibernate validates every entity against it
 * ({@code ddl-auto=validate}); then the constraints the services rely on are exercised for real.
 */
@SpringBootTest(properties = {"spring.config.import=classpath:sonority-database.yaml"})
class SchemaMappingTest {

    static final TestDatabase DB = TestDatabase.create();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(CommonModelConfiguration.class)
    static class Config {
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DB.register(registry::add);
    }

    @AfterAll
    static void drop() {
        DB.close();
    }

    @Autowired
    SongRepository songs;

    @Autowired
    EmbeddingRepository embeddings;

    @Autowired
    TaskRepository tasks;

    @Test
    void songsRoundTripWithTheirPathAsPublicId() {
        String path = "Ærtist/Album #1/01 Ça va? 100% \"quoted\".flac";
        Instant mtime = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Song saved = songs.save(new Song(path, 1234, mtime));
        assertThat(saved.getId()).isPositive();
        Song found = songs.findByPath(path).orElseThrow();
        assertThat(found.getFileMtime()).isEqualTo(mtime);
        assertThat(found.getTagSource()).isEqualTo("NONE");
    }

    @Test
    void rejectsAbsoluteAndDuplicatePaths() {
        assertThatThrownBy(() -> songs.saveAndFlush(new Song("/etc/passwd", 1, Instant.now())))
                .isInstanceOf(DataIntegrityViolationException.class);
        songs.saveAndFlush(new Song("a/b.mp3", 1, Instant.now()));
        assertThatThrownBy(() -> songs.saveAndFlush(new Song("a/b.mp3", 2, Instant.now())))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void embeddingsKeepTheirVectorAndCountPerModel() {
        Song song = songs.save(new Song("x/y.ogg", 10, Instant.now()));
        float[] vector = {0.25f, -1.5f, 3.0f};
        embeddings.save(new Embedding(song.getId(), "clap", EmbeddingKind.SEARCH, vector, "test-1"));
        embeddings.save(new Embedding(song.getId(), "clap", EmbeddingKind.RAW, new float[] {9f}, "test-1"));
        assertThat(embeddings.findBySongIdAndModelAndKind(song.getId(), "clap", EmbeddingKind.SEARCH)
                .orElseThrow().vector()).containsExactly(vector);
        assertThat(embeddings.countSongsWithSearchVector("clap")).isEqualTo(1);
        assertThat(embeddings.countSongsWithSearchVector("muq")).isZero();
    }

    @Test
    void onlyOneActiveTopLevelTaskPerType() {
        Task first = tasks.saveAndFlush(Task.pending(TaskType.VACUUM, null));
        assertThat(tasks.findActiveTopLevel(TaskType.VACUUM)).get().extracting(Task::getId).isEqualTo(first.getId());
        assertThatThrownBy(() -> tasks.saveAndFlush(Task.pending(TaskType.VACUUM, null)))
                .isInstanceOf(DataIntegrityViolationException.class);
        first.setStatus(TaskStatus.SUCCESS);
        tasks.saveAndFlush(first);
        Task second = tasks.saveAndFlush(Task.pending(TaskType.VACUUM, "{\"k\": 1}"));
        assertThat(tasks.findById(second.getId()).orElseThrow().getParameters()).contains("\"k\"");
    }
}
