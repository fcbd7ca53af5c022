package dev.sonority.worker.scan;

import dev.sonority.audio.tags.TrackTags;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The song rows a scan reads and writes, in bulk (JDBC batches: a scan writes thousands of rows a second). */
@Component
class SongTable {

    private static final String UPSERT = """
            INSERT INTO song (path, title, artist, album, album_artist, genre, year, track_number, duration_seconds,
                              file_size, file_mtime, format, codec, sample_rate, channels, bitrate, tag_source,
                              scan_error, missing_since, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, now())
            ON CONFLICT (path) DO UPDATE SET
                title = EXCLUDED.title, artist = EXCLUDED.artist, album = EXCLUDED.album,
                album_artist = EXCLUDED.album_artist, genre = EXCLUDED.genre, year = EXCLUDED.year,
                track_number = EXCLUDED.track_number, duration_seconds = EXCLUDED.duration_seconds,
                file_size = EXCLUDED.file_size, file_mtime = EXCLUDED.file_mtime, format = EXCLUDED.format,
                codec = EXCLUDED.codec, sample_rate = EXCLUDED.sample_rate, channels = EXCLUDED.channels,
                bitrate = EXCLUDED.bitrate, tag_source = EXCLUDED.tag_source, scan_error = EXCLUDED.scan_error,
                missing_since = NULL, updated_at = now()
            """;

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;

    SongTable(JdbcTemplate jdbcTemplate, JdbcClient jdbc) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
    }

    /** Every song by path, with what decides whether its file changed. */
    Map<String, KnownSong> loadIndex() {
        Map<String, KnownSong> index = new HashMap<>();
        jdbcTemplate.query("""
                SELECT id, path, file_size, floor(extract(epoch FROM file_mtime) * 1000000)::bigint AS mtime_us,
                       missing_since IS NOT NULL AS missing FROM song
                """, rs -> {
            index.put(rs.getString("path"), new KnownSong(rs.getLong("id"), rs.getLong("file_size"),
                    rs.getLong("mtime_us"), rs.getBoolean("missing")));
        });
        return index;
    }

    void upsert(List<ScannedSong> songs) {
        jdbcTemplate.batchUpdate(UPSERT, songs, songs.size(), SongTable::bind);
    }

    void markMissing(Collection<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("UPDATE song SET missing_since = now(), updated_at = now() WHERE id IN (:ids) AND missing_since IS NULL")
                    .param("ids", ids).update();
        }
    }

    void clearMissing(Collection<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("UPDATE song SET missing_since = NULL, updated_at = now() WHERE id IN (:ids)")
                    .param("ids", ids).update();
        }
    }

    private static void bind(PreparedStatement ps, ScannedSong song) throws SQLException {
        TrackTags tags = song.tags();
        LibraryFile file = song.file();
        ps.setString(1, file.path());
        ps.setString(2, tags == null ? null : tags.title());
        ps.setString(3, tags == null ? null : tags.artist());
        ps.setString(4, tags == null ? null : tags.album());
        ps.setString(5, tags == null ? null : tags.albumArtist());
        ps.setString(6, tags == null ? null : tags.genre());
        setInt(ps, 7, tags == null ? null : tags.year());
        setInt(ps, 8, tags == null ? null : tags.trackNumber());
        if (tags == null || tags.durationSeconds() == null) {
            ps.setNull(9, Types.DOUBLE);
        } else {
            ps.setDouble(9, tags.durationSeconds());
        }
        ps.setLong(10, file.size());
        ps.setObject(11, OffsetDateTime.ofInstant(Instant.EPOCH.plus(file.mtimeMicros(), ChronoUnit.MICROS),
                ZoneOffset.UTC));
        ps.setString(12, tags == null ? null : tags.format());
        ps.setString(13, tags == null ? null : tags.codec());
        setInt(ps, 14, tags == null ? null : tags.sampleRate());
        setInt(ps, 15, tags == null ? null : tags.channels());
        setInt(ps, 16, tags == null ? null : tags.bitrate());
        ps.setString(17, song.tagSource());
        ps.setString(18, song.error());
    }

    private static void setInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }
}
