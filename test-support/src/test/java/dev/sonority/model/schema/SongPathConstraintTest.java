package dev.sonority.model.schema;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonority.testing.TestDatabase;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A song's path is its public id: the schema keeps it relative to the music root and unique. */
class SongPathConstraintTest {

    static final TestDatabase DB = TestDatabase.create();
    static JdbcClient jdbc;

    @BeforeAll
    static void migrate() {
        jdbc = DB.migrate().jdbcClient();
    }

    @AfterAll
    static void drop() {
        DB.close();
    }

    @Test
    void songPathsAreRelativeAndUnique() {
        assertThatThrownBy(() -> insertSong("/etc/passwd")).isInstanceOf(DataIntegrityViolationException.class);
        insertSong("a/b.mp3");
        assertThatThrownBy(() -> insertSong("a/b.mp3")).isInstanceOf(DataIntegrityViolationException.class);
    }

    private static void insertSong(String path) {
        jdbc.sql("INSERT INTO song (path, file_size, file_mtime) VALUES (:path, 1, :mtime)").param("path", path)
                .param("mtime", Timestamp.from(Instant.now())).update();
    }
}
