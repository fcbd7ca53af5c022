package dev.sonority.api.playlists;

import dev.sonority.api.web.ApiException;
import dev.sonority.api.web.Paging;
import dev.sonority.model.playlist.PlaylistRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SQL of the {@code playlist} and {@code playlist_song} tables. Songs are written as a whole list with dense
 * positions 0..n-1; V11's trigger keeps them dense when vacuum deletes songs. A change locks the playlist row
 * first, so two edits of one playlist run one after the other; one that loses a deadlock against a vacuum (which
 * locks the songs' rows first) is retried.
 */
@Repository
public class PlaylistStore {

    /** A playlist's own row. */
    record Header(long id, String name, String source, String request, int removedSongs, Instant createdAt,
            Instant updatedAt) {
    }

    record Slice(List<PlaylistSummary> playlists, long total) {
    }

    private static final int ATTEMPTS = 3;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    PlaylistStore(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /**
     * Saves a new playlist (every feature that makes playlists saves them here: manual lists, discovery sources,
     * instant playlists).
     *
     * @param source where it came from ({@code manual}, {@code similar}, {@code instant}, ...)
     * @param requestJson the request that made it, as JSON, or null
     * @param songIds the songs in play order
     * @return the new playlist's id
     */
    public long create(String name, String source, String requestJson, List<Long> songIds) {
        return inTransaction(() -> {
            try {
                return PlaylistRows.insert(jdbc, name, source, requestJson, songIds);
            } catch (DataIntegrityViolationException e) {
                throw songRemoved();
            }
        });
    }

    Optional<Header> header(long id) {
        return jdbc.sql("SELECT id, name, source, request::text AS request, removed_songs, created_at, updated_at"
                        + " FROM playlist WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new Header(rs.getLong("id"), rs.getString("name"), rs.getString("source"),
                        rs.getString("request"), rs.getInt("removed_songs"), instant(rs, "created_at"),
                        instant(rs, "updated_at")))
                .optional();
    }

    /**
     * A playlist's name and song ids in play order, for features that read playlists (alchemy's playlist items).
     *
     * @return empty when there is no such playlist
     */
    public Optional<Members> members(long id) {
        return jdbc.sql("SELECT name FROM playlist WHERE id = :id").param("id", id).query(String.class).optional()
                .map(name -> new Members(name, jdbc.sql("SELECT song_id FROM playlist_song WHERE playlist_id = :id"
                        + " ORDER BY position").param("id", id).query(Long.class).list()));
    }

    /** A playlist's name and its songs' ids in play order. */
    public record Members(String name, List<Long> songIds) {
        public Members {
            songIds = List.copyOf(songIds);
        }
    }

    List<PlaylistSongView> songs(long id) {
        return jdbc.sql("SELECT ps.position, s.path, s.title, s.artist, s.album, s.duration_seconds,"
                        + " s.missing_since IS NOT NULL AS missing"
                        + " FROM playlist_song ps JOIN song s ON s.id = ps.song_id"
                        + " WHERE ps.playlist_id = :id ORDER BY ps.position")
                .param("id", id)
                .query((rs, n) -> new PlaylistSongView(rs.getInt("position"), rs.getString("path"),
                        rs.getString("title"), rs.getString("artist"), rs.getString("album"),
                        rs.getObject("duration_seconds", Double.class), rs.getBoolean("missing")))
                .list();
    }

    /** Newest first. */
    Slice list(Paging paging) {
        List<PlaylistSummary> playlists = jdbc.sql("""
                SELECT p.id, p.name, p.source, p.removed_songs, p.created_at, p.updated_at,
                       count(ps.song_id) AS song_count, sum(s.duration_seconds) AS duration_seconds
                  FROM (SELECT * FROM playlist ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset) p
                  LEFT JOIN playlist_song ps ON ps.playlist_id = p.id
                  LEFT JOIN song s ON s.id = ps.song_id
                 GROUP BY p.id, p.name, p.source, p.removed_songs, p.created_at, p.updated_at
                 ORDER BY p.created_at DESC, p.id DESC""")
                .param("limit", paging.limit()).param("offset", paging.offset())
                .query((rs, n) -> new PlaylistSummary(rs.getLong("id"), rs.getString("name"), rs.getString("source"),
                        rs.getInt("song_count"), rs.getInt("removed_songs"),
                        rs.getObject("duration_seconds", Double.class), instant(rs, "created_at"),
                        instant(rs, "updated_at")))
                .list();
        long total = jdbc.sql("SELECT count(*) FROM playlist").query(Long.class).single();
        return new Slice(playlists, total);
    }

    /**
     * Renames and/or replaces the songs (null: unchanged).
     *
     * @return false when there is no such playlist
     */
    boolean update(long id, String name, List<Long> songIds) {
        return inTransaction(() -> {
            boolean exists = jdbc.sql("SELECT id FROM playlist WHERE id = :id FOR UPDATE").param("id", id)
                    .query(Long.class).optional().isPresent();
            if (!exists) {
                return false;
            }
            if (songIds != null) {
                jdbc.sql("DELETE FROM playlist_song WHERE playlist_id = :id").param("id", id).update();
                insertSongs(id, songIds);
            }
            jdbc.sql("UPDATE playlist SET name = COALESCE(:name, name), updated_at = now() WHERE id = :id")
                    .param("name", name).param("id", id).update();
            return true;
        });
    }

    /** @return false when there is no such playlist */
    boolean delete(long id) {
        return inTransaction(() -> jdbc.sql("DELETE FROM playlist WHERE id = :id").param("id", id).update() == 1);
    }

    private void insertSongs(long id, List<Long> songIds) {
        try {
            PlaylistRows.insertSongs(jdbc, id, songIds);
        } catch (DataIntegrityViolationException e) {
            throw songRemoved();
        }
    }

    /** The foreign key: a song of the list was deleted (vacuum) after it was looked up. */
    private static ApiException songRemoved() {
        return ApiException.notFound("A song of the list was removed from the library meanwhile; look it up again");
    }

    private <T> T inTransaction(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> work.get());
            } catch (PessimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
