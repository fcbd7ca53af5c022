package dev.sonority.model.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * V11's trigger: a song deleted from the library leaves every playlist it was in, the playlist counts it in
 * {@code removed_songs}, and positions stay 0..n-1 in the old order. The expected playlists are computed here by
 * filtering the lists in Java; rows deleted while their song still exists (editing a playlist) are not counted.
 */
class PlaylistRemovedSongsTriggerTest {

    static MigratedDatabase db;
    static Connection connection;

    @BeforeAll
    static void migrate() throws SQLException {
        db = new MigratedDatabase();
        connection = db.connection();
    }

    @AfterAll
    static void drop() throws SQLException {
        db.close();
    }

    @BeforeEach
    void empty() throws SQLException {
        sql("TRUNCATE song, playlist RESTART IDENTITY CASCADE");
    }

    @Test
    void songsDeletedInOneStatementLeaveEveryPlaylistDenseAndCounted() throws SQLException {
        long seed = 20_240_611L;
        Random random = new Random(seed);
        int songs = 300;
        sql("INSERT INTO song (id, path, file_size, file_mtime) SELECT g, 'a/' || g || '.flac', 1, now()"
                + " FROM generate_series(1, " + songs + ") g");
        Map<Long, List<Long>> expected = new HashMap<>();
        for (long playlist = 1; playlist <= 12; playlist++) {
            sql("INSERT INTO playlist (id, name, source) VALUES (" + playlist + ", 'p" + playlist + "', 'manual')");
            List<Long> order = new ArrayList<>();
            int size = random.nextInt(60); // some empty, some with the same song twice
            for (int position = 0; position < size; position++) {
                long song = 1 + random.nextInt(songs);
                order.add(song);
                sql("INSERT INTO playlist_song VALUES (" + playlist + ", " + position + ", " + song + ")");
            }
            expected.put(playlist, order);
        }
        Map<Long, Integer> removed = new HashMap<>();
        for (int round = 0; round < 3; round++) { // three vacuums: counts add up, positions stay dense
            Set<Long> gone = new HashSet<>();
            while (gone.size() < 40) {
                gone.add(1L + random.nextInt(songs));
            }
            sql("DELETE FROM song WHERE id IN (" + gone.stream().map(String::valueOf).collect(Collectors.joining(","))
                    + ")");
            expected.forEach((playlist, order) -> {
                int before = order.size();
                order.removeIf(gone::contains);
                removed.merge(playlist, before - order.size(), Integer::sum);
            });
            for (long playlist : expected.keySet()) {
                assertThat(rows(playlist)).as("seed %d round %d playlist %d", seed, round, playlist)
                        .isEqualTo(expected.get(playlist));
                assertThat(removedSongs(playlist)).as("seed %d round %d playlist %d", seed, round, playlist)
                        .isEqualTo(removed.get(playlist));
            }
        }
    }

    @Test
    void editingAPlaylistOrDeletingOneIsNotARemovalFromTheLibrary() throws SQLException {
        sql("INSERT INTO song (id, path, file_size, file_mtime) VALUES (1, 'a.flac', 1, now()), (2, 'b.flac', 1, now()),"
                + " (3, 'c.flac', 1, now())");
        sql("INSERT INTO playlist (id, name, source) VALUES (1, 'one', 'manual'), (2, 'two', 'manual')");
        sql("INSERT INTO playlist_song VALUES (1, 0, 1), (1, 1, 2), (1, 2, 3), (2, 0, 3)");

        sql("DELETE FROM playlist_song WHERE playlist_id = 1 AND position = 1");
        sql("DELETE FROM playlist WHERE id = 2");

        assertThat(removedSongs(1)).isZero();
        // the API renumbers what it edits itself; the trigger leaves such rows alone
        assertThat(positions(1)).containsExactly(0, 2);
        assertThat(count("SELECT count(*) FROM playlist_song WHERE playlist_id = 2")).isZero();
    }

    @Test
    void updatedAtMovesWhenVacuumChangesAPlaylist() throws SQLException {
        sql("INSERT INTO song (id, path, file_size, file_mtime) VALUES (1, 'a.flac', 1, now()), (2, 'b.flac', 1, now())");
        sql("INSERT INTO playlist (id, name, source, updated_at) VALUES (1, 'one', 'manual', now() - interval '1 day')");
        sql("INSERT INTO playlist_song VALUES (1, 0, 1), (1, 1, 2)");

        sql("DELETE FROM song WHERE id = 1");

        assertThat(rows(1)).containsExactly(2L);
        assertThat(count("SELECT count(*) FROM playlist WHERE id = 1 AND updated_at > now() - interval '1 hour'"))
                .isEqualTo(1);
    }

    private static List<Long> rows(long playlist) throws SQLException {
        List<Long> songs = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT position, song_id FROM playlist_song WHERE playlist_id = " + playlist + " ORDER BY position")) {
            while (rs.next()) {
                positions.add(rs.getInt(1));
                songs.add(rs.getLong(2));
            }
        }
        for (int i = 0; i < positions.size(); i++) {
            assertThat(positions.get(i)).as("position of row %d of playlist %d", i, playlist).isEqualTo(i);
        }
        return songs;
    }

    private static List<Integer> positions(long playlist) throws SQLException {
        List<Integer> positions = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT position FROM playlist_song WHERE playlist_id = " + playlist + " ORDER BY position")) {
            while (rs.next()) {
                positions.add(rs.getInt(1));
            }
        }
        return positions;
    }

    private static int removedSongs(long playlist) throws SQLException {
        return count("SELECT removed_songs FROM playlist WHERE id = " + playlist);
    }

    private static int count(String query) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void sql(String statement) throws SQLException {
        db.sql(statement);
    }
}
