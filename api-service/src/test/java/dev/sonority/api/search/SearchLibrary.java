package dev.sonority.api.search;

import static org.awaitility.Awaitility.await;

import dev.sonority.api.index.EmbeddedIndexes;
import dev.sonority.contract.vector.VectorCodec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes songs and their vectors as the worker would, and brings the embedded index up to date. Tests of other
 * packages create one with {@link #of}.
 */
public final class SearchLibrary {

    private final JdbcClient jdbc;
    private final EmbeddedIndexes indexes;
    private final SongDirectory directory;
    public final Map<String, Long> ids = new LinkedHashMap<>();

    /** Forgets what the song directory held of an earlier test's library (its ids are reused after a reset). */
    SearchLibrary(JdbcClient jdbc, EmbeddedIndexes indexes, SongDirectory directory) {
        this.jdbc = jdbc;
        this.indexes = indexes;
        this.directory = directory;
        directory.refresh();
    }

    /** A library on the application's own index and song directory (for tests outside this package). */
    public static SearchLibrary of(JdbcClient jdbc, org.springframework.context.ApplicationContext context) {
        return new SearchLibrary(jdbc, context.getBean(EmbeddedIndexes.class), context.getBean(SongDirectory.class));
    }

    public long song(String path, String title, String artist, String album, String genre) {
        long id = jdbc.sql("""
                INSERT INTO song (path, title, artist, album, genre, file_size, file_mtime)
                VALUES (:path, :title, :artist, :album, :genre, 1, now()) RETURNING id""")
                .param("path", path).param("title", title).param("artist", artist).param("album", album)
                .param("genre", genre).query(Long.class).single();
        ids.put(path, id);
        return id;
    }

    public void vector(String path, String model, String kind, float... values) {
        jdbc.sql("""
                INSERT INTO embedding (song_id, model, kind, dim, data, model_version)
                VALUES (:id, :model, :kind, :dim, :data, 'test')
                ON CONFLICT (song_id, model, kind) DO UPDATE SET data = EXCLUDED.data, dim = EXCLUDED.dim,
                    updated_at = now()""")
                .param("id", ids.get(path)).param("model", model).param("kind", kind).param("dim", values.length)
                .param("data", VectorCodec.encode(values)).update();
    }

    public void vector(String path, String model, float... values) {
        vector(path, model, "search", values);
    }

    public void descriptors(String path, double bpm, String key, String scale, double lufs) {
        jdbc.sql("""
                INSERT INTO song_descriptors (song_id, bpm, musical_key, scale, loudness_lufs, model_version)
                VALUES (:id, :bpm, :key, :scale, :lufs, 'test')""")
                .param("id", ids.get(path)).param("bpm", bpm).param("key", key).param("scale", scale)
                .param("lufs", lufs).update();
    }

    /** The {@code file_path}s of a {@code songs} array, in order. */
    public static java.util.List<String> paths(tools.jackson.databind.JsonNode songs) {
        java.util.List<String> paths = new java.util.ArrayList<>();
        songs.forEach(s -> paths.add(s.get("file_path").asString()));
        return paths;
    }

    /**
     * Refreshes every model's index now (what an IndexChangedEvent triggers), once the first load is done, and
     * the song directory (what its periodic refresh does).
     */
    public void refresh(String... models) {
        await("the indexes' first load").atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50))
                .until(indexes::started);
        for (String model : models) {
            indexes.refresh(model);
        }
        directory.refresh();
    }
}
