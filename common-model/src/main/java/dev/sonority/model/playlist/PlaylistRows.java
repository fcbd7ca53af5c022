package dev.sonority.model.playlist;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one way a playlist's rows are written, for every service that saves playlists (api-service's playlists
 * feature, the worker's cluster playlists): the {@code playlist} row and its songs with dense positions 0..n-1 in
 * one statement, as V11's trigger expects. The caller holds the transaction.
 */
public final class PlaylistRows {

    private PlaylistRows() {
    }

    /**
     * @param requestJson what made the playlist, as JSON, or null
     * @return the new playlist's id
     * @throws org.springframework.dao.DataIntegrityViolationException when a song is not (or no longer) in the
     *     library
     */
    public static long insert(JdbcClient jdbc, String name, String source, String requestJson, List<Long> songIds) {
        long id = jdbc.sql("INSERT INTO playlist (name, source, request) VALUES (:name, :source,"
                        + " CAST(:request AS jsonb)) RETURNING id")
                .param("name", name).param("source", source).param("request", requestJson)
                .query(Long.class).single();
        insertSongs(jdbc, id, songIds);
        return id;
    }

    /** Writes the songs of playlist {@code id} at positions 0..n-1 (it must have none yet). */
    public static void insertSongs(JdbcClient jdbc, long id, List<Long> songIds) {
        if (songIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO playlist_song (playlist_id, position, song_id)
                SELECT :id, (t.ord - 1)::int, t.song_id FROM unnest(CAST(:songs AS bigint[])) WITH ORDINALITY AS t(song_id, ord)""")
                .param("id", id).param("songs", songIds.toArray(Long[]::new)).update();
    }
}
