package dev.sonority.bench.api;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A throw-away database {@code sonority_bench_<random>} on the local PostgreSQL (trust auth, user
 * {@code postgres}) and the synthetic library the stats bench fills it with, written server-side with
 * {@code INSERT ... SELECT generate_series} (one statement per table, no per-row round trips).
 */
public final class BenchLibrary implements AutoCloseable {

    public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    public static final String USER = "postgres";

    private final String name;

    private BenchLibrary(String name) {
        this.name = name;
    }

    public static BenchLibrary create() throws SQLException {
        String name = "sonority_bench_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin("CREATE DATABASE " + name);
        return new BenchLibrary(name);
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return SERVER + name;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, "");
    }

    /**
     * {@code songs} songs in 1,000 artist folders; every 1,000th is missing, every 500th has a scan error.
     * Analyses: acoustic_features and musicnn for every song, clap for 3 in 5, mert, muq and muq_mulan for 1 in
     * 3; 1 in 50 of each FAILED, 1 in 13 PENDING, the rest COMPLETED. Then VACUUM ANALYZE, as autovacuum
     * would have done on a library that size.
     */
    long fill(int songs) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO song (path, title, artist, album, genre, year, track_number, duration_seconds,
                                      file_size, file_mtime, format, codec, sample_rate, channels, bitrate, tag_source,
                                      scan_error, missing_since)
                    SELECT 'Artist ' || (i % 1000) || '/Album ' || (i % 97) || '/' || lpad(i::text, 6, '0')
                               || ' Track title number ' || i || '.flac',
                           'Track title number ' || i, 'Artist ' || (i % 1000), 'Album ' || (i % 97), 'Rock',
                           1970 + i % 50, 1 + i % 12, 120 + (i % 300), 30000000 + i, now(), 'flac', 'flac', 44100,
                           2, 1411, 'JAUDIOTAGGER',
                           CASE WHEN i % 500 = 0 THEN 'not an audio file' END,
                           CASE WHEN i % 1000 = 1 THEN now() END
                    FROM generate_series(1, $SONGS) i""".replace("$SONGS", Integer.toString(songs)));
            statement.execute("""
                    INSERT INTO song_analysis (song_id, model, status, error_reason, attempts, model_version,
                                               completed_at)
                    SELECT s.id, m.model,
                           CASE WHEN s.id % 50 = 0 THEN 'FAILED' WHEN s.id % 13 = 0 THEN 'PENDING' ELSE 'COMPLETED' END,
                           CASE WHEN s.id % 50 = 0 THEN 'decode failed: truncated frame' END,
                           1, 'bench-1', CASE WHEN s.id % 50 <> 0 AND s.id % 13 <> 0 THEN now() END
                    FROM song s
                    CROSS JOIN (VALUES ('acoustic_features', 1), ('musicnn', 1), ('clap', 5), ('mert', 3), ('muq', 3),
                                       ('muq_mulan', 3)) m(model, every)
                    WHERE m.every = 1 OR (m.every = 5 AND s.id % 5 < 3) OR (m.every = 3 AND s.id % 3 = 0)""");
            statement.execute("VACUUM ANALYZE");
            try (var rs = statement.executeQuery("SELECT count(*) FROM song_analysis")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void admin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
