package dev.sonority.model.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonority.testing.TestDatabase;
import dev.sonority.model.testing.WriteAttempts;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * V14's song reader, on its own (without the read-only transaction the API adds): switched to it in an ordinary
 * read-write transaction, every kind of write fails with "permission denied" and the rows are unchanged; it reads
 * song, song_descriptors and embedding and nothing else; nobody can log in as it; each database has its own.
 */
class SongReaderRoleTest {

    static final TestDatabase DB = TestDatabase.create();
    static final TestDatabase OTHER = TestDatabase.create();
    static Connection connection;
    static String reader;

    @BeforeAll
    static void migrate() throws SQLException {
        for (TestDatabase db : List.of(DB, OTHER)) {
            Flyway.configure().dataSource(db.jdbcUrl(), db.username(), "").locations("classpath:db/migration").load()
                    .migrate();
        }
        connection = DB.connect();
        sql("INSERT INTO song (id, path, title, file_size, file_mtime) VALUES (1, 'a.flac', 'A', 1, now())");
        sql("INSERT INTO song_descriptors (song_id, bpm, model_version) VALUES (1, 120, 'test')");
        reader = text("SELECT sonority_reader_role()");
    }

    @AfterAll
    static void drop() throws SQLException {
        connection.close();
        DB.close();
        OTHER.close();
    }

    @Test
    void everyWriteAsTheReaderIsDeniedAndChangesNothing() throws SQLException {
        for (String write : WriteAttempts.ALL) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL ROLE " + reader); // an ordinary read-write transaction
                assertThatThrownBy(() -> statement.execute(write)).as(write).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(write)
                                .isIn("42501", "42P01")); // insufficient_privilege (or: no such table to create in)
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
        assertThat(text("SELECT title FROM song WHERE id = 1")).isEqualTo("A");
        assertThat(text("SELECT count(*) FROM song_descriptors WHERE bpm = 120")).isEqualTo("1");
        assertThat(text("SELECT to_regclass('evil') IS NULL")).isEqualTo("t");
    }

    @Test
    void readsSongsAndDescriptorsOnly() throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL ROLE " + reader);
            try (ResultSet rs = statement.executeQuery("SELECT s.title, d.bpm, (SELECT count(*) FROM embedding)"
                    + " FROM song s JOIN song_descriptors d ON d.song_id = s.id")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("A");
            }
            statement.execute("SAVEPOINT before");
            for (String table : List.of("task", "dead_letter", "playlist", "song_analysis", "acoustic_statistics")) {
                assertThatThrownBy(() -> statement.executeQuery("SELECT count(*) FROM " + table)).as(table)
                        .hasMessageContaining("permission denied");
                statement.execute("ROLLBACK TO SAVEPOINT before");
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    @Test
    void theReaderCannotLogInAndEachDatabaseHasItsOwn() throws SQLException {
        assertThat(reader).isEqualTo(DB.name() + "_reader");
        assertThat(text("SELECT rolcanlogin OR rolsuper OR rolcreaterole OR rolcreatedb OR rolbypassrls FROM pg_roles"
                + " WHERE rolname = '" + reader + "'")).isEqualTo("f");
        try (Connection other = OTHER.connect(); Statement statement = other.createStatement();
             ResultSet rs = statement.executeQuery("SELECT sonority_reader_role(),"
                     + " has_table_privilege('" + reader + "', 'song', 'SELECT')")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(OTHER.name() + "_reader");
            assertThat(rs.getBoolean(2)).as("the reader of one database reads no other's songs").isFalse();
        }
    }

    private static void sql(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String text(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
