package dev.sonority.model.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The triggers of V10 note every change of a search vector (and of a song's payload fields) in vector_outbox,
 * whichever statement made it, but only while the switch is on.
 */
class VectorOutboxTriggerTest {

    static final TestDatabase DB = TestDatabase.create();
    static Connection connection;

    @BeforeAll
    static void migrate() throws SQLException {
        connection = DB.migrate().connect();
    }

    @AfterAll
    static void drop() throws SQLException {
        connection.close();
        DB.close();
    }

    @BeforeEach
    void empty() throws SQLException {
        sql("DELETE FROM song");
        sql("DELETE FROM vector_outbox");
        sql("UPDATE vector_outbox_switch SET enabled = FALSE");
        sql("INSERT INTO song (id, path, title, file_size, file_mtime) VALUES (1, 'a.flac', 'A', 1, now()),"
                + " (2, 'b.flac', 'B', 1, now())");
    }

    @Test
    void nothingIsNotedWhileTheSwitchIsOff() throws SQLException {
        insertVector(1, "clap", "search");
        sql("UPDATE song SET title = 'A2' WHERE id = 1");
        sql("DELETE FROM song WHERE id = 1");

        assertThat(outbox()).isEmpty();
    }

    @Test
    void insertUpdateAndDeleteOfSearchVectorsAreNotedOnceEach() throws SQLException {
        sql("UPDATE vector_outbox_switch SET enabled = TRUE");
        insertVector(1, "clap", "search");
        insertVector(1, "musicnn", "search");
        insertVector(1, "musicnn", "tags"); // not a search vector: Qdrant holds only search vectors
        sql("UPDATE embedding SET model_version = '2' WHERE song_id = 1 AND model = 'clap'");

        assertThat(outbox()).containsExactly("clap/1", "musicnn/1");

        sql("DELETE FROM vector_outbox");
        sql("DELETE FROM embedding WHERE song_id = 1 AND model = 'clap'");
        assertThat(outbox()).containsExactly("clap/1");
    }

    @Test
    void deletingASongNotesItsVectorsThroughTheCascadeAndTheNoteOutlivesTheSong() throws SQLException {
        insertVector(2, "clap", "search");
        sql("UPDATE vector_outbox_switch SET enabled = TRUE");

        sql("DELETE FROM song WHERE id = 2");

        assertThat(outbox()).containsExactly("clap/2");
    }

    @Test
    void aChangedTagNotesEveryModelOfThatSongButAnUnrelatedUpdateDoesNot() throws SQLException {
        insertVector(1, "clap", "search");
        insertVector(1, "mert", "search");
        sql("UPDATE vector_outbox_switch SET enabled = TRUE");

        sql("UPDATE song SET codec = 'flac', updated_at = now() WHERE id = 1");
        assertThat(outbox()).isEmpty();

        sql("UPDATE song SET artist = 'New Artist' WHERE id = 1");
        assertThat(outbox()).containsExactly("clap/1", "mert/1");
    }

    private static void insertVector(long songId, String model, String kind) throws SQLException {
        sql("INSERT INTO embedding (song_id, model, kind, dim, data, model_version) VALUES (" + songId + ", '"
                + model + "', '" + kind + "', 1, '\\x0000803f'::bytea, '1')");
    }

    private static List<String> outbox() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT model, song_id FROM vector_outbox ORDER BY model, song_id")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + "/" + rs.getLong(2));
            }
        }
        return rows;
    }

    private static void sql(String statement) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }
}
