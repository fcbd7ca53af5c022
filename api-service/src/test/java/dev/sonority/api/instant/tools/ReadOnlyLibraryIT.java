package dev.sonority.api.instant.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonority.api.support.ApiIntegrationTest;
import dev.sonority.model.testing.WriteAttempts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

/**
 * The tools' queries cannot write: every kind of write sent through {@link ReadOnlyLibrary} fails and leaves the
 * rows as they were, a second statement is refused before it reaches PostgreSQL, the query runs as the song
 * reader (not as the API's superuser), and the pooled connection comes back as it went.
 */
class ReadOnlyLibraryIT extends ApiIntegrationTest {

    @Autowired
    ReadOnlyLibrary library;

    @Autowired
    ReaderRole reader;

    @BeforeEach
    void song() {
        reset();
        jdbc.sql("INSERT INTO song (path, title, file_size, file_mtime) VALUES ('a.flac', 'A', 1, now())").update();
    }

    @Test
    void everyWriteThroughTheToolConnectionFailsAndChangesNothing() {
        long playlists = jdbc.sql("SELECT count(*) FROM playlist").query(Long.class).single(); // other tests' are kept
        List<String> writes = new java.util.ArrayList<>(WriteAttempts.ALL);
        // a SELECT that switches back to the session's superuser before it reads what the reader may not
        writes.add("SELECT set_config('role', 'postgres', true), (SELECT count(*) FROM task)");
        for (String write : writes) {
            assertThatThrownBy(() -> library.query(write, Map.of(), (rs, n) -> rs.getObject(1))).as(write)
                    .isInstanceOf(DataAccessException.class);
        }
        assertThat(jdbc.sql("SELECT title FROM song").query(String.class).list()).containsExactly("A");
        assertThat(jdbc.sql("SELECT count(*) FROM playlist").query(Long.class).single()).isEqualTo(playlists);
        assertThat(jdbc.sql("SELECT to_regclass('evil') IS NULL").query(Boolean.class).single()).isTrue();
    }

    @Test
    void aSecondStatementIsRefusedBeforeItReachesTheDatabase() {
        for (String sql : List.of("SELECT 1; DELETE FROM song", "SELECT 1; COMMIT; DELETE FROM song",
                "SELECT 1; SET ROLE postgres; DELETE FROM song")) {
            assertThatThrownBy(() -> library.query(sql, Map.of(), (rs, n) -> rs.getObject(1))).as(sql)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("One statement only");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM song").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void itReadsAsTheSongReaderInAReadOnlyTransactionAndHandsTheConnectionBackAsItWas() {
        assertThat(reader.state().usable()).as(reader.state().problem()).isTrue();
        List<String> seen = library.query("SELECT current_user || ' ' || current_setting('transaction_read_only')"
                + " || ' ' || title FROM song", Map.of(), (rs, n) -> rs.getString(1));
        assertThat(seen).containsExactly(DB.name() + "_reader on A");
        assertThatThrownBy(() -> library.query("SELECT count(*) FROM task", Map.of(), (rs, n) -> rs.getLong(1)))
                .rootCause().hasMessageContaining("permission denied for table task");
        // the next use of the pool is the API's own user again, and may write
        for (int i = 0; i < 5; i++) {
            assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo(DB.username());
        }
        assertThat(jdbc.sql("UPDATE song SET title = 'B'").update()).isEqualTo(1);
    }
}
