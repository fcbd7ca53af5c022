package dev.sonority.api.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sonority.api.search.SearchLibrary;
import dev.sonority.api.support.ApiIntegrationTest;
import dev.sonority.api.support.Http;
import dev.sonority.contract.vector.VectorCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Export → wipe → import through the real API and database gives the same {@code /analysis} answers, similar
 * lists and playlists; files that are truncated, not ours, tampered with or of a newer version are refused with
 * nothing written; songs whose file changed are skipped.
 */
class LibraryExportIT extends ApiIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int SONGS = 8;
    private static final List<String> MODELS = List.of("clap", "musicnn");
    private static final String[] TABLES = {"embedding", "song_descriptors", "song_analysis", "playlist",
        "acoustic_statistics"};

    @Autowired
    private ApplicationContext context;

    private final List<String> paths = new ArrayList<>();
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void library() {
        reset();
        jdbc.sql("TRUNCATE acoustic_statistics").update();
        paths.clear();
        for (int i = 0; i < SONGS; i++) {
            String path = "Artist " + i + "/Album " + i + "/0" + i + " Song ü " + i + ".flac";
            paths.add(path);
            long id = jdbc.sql("""
                    INSERT INTO song (path, title, artist, album, duration_seconds, file_size, file_mtime)
                    VALUES (:path, :title, :artist, :album, :duration, :size, now()) RETURNING id""")
                    .param("path", path).param("title", "Song " + i).param("artist", "Artist " + i)
                    .param("album", "Album " + i).param("duration", 180.25 + i).param("size", 1_000_000L + i)
                    .query(Long.class).single();
            // vectors on a circle at different angles per model, so every seed has a distinct, known order
            for (String model : MODELS) {
                double angle = (model.equals("clap") ? 0.37 : 0.91) * i * i;
                vector(id, model, "search", (float) Math.cos(angle), (float) Math.sin(angle), 0.1f * i, 0.5f);
            }
            vector(id, "musicnn", "tags", 0.1f * i, 0.2f, 0.3f);
            vector(id, "musicnn", "moods", 0.5f, 0.01f * i);
            float[] raw = new float[55];
            for (int k = 0; k < raw.length; k++) {
                raw[k] = k + i / 10f;
            }
            vector(id, "acoustic_features", "raw", raw);
            jdbc.sql("""
                    INSERT INTO song_descriptors (song_id, bpm, musical_key, scale, key_strength, loudness_lufs,
                           energy, null_reasons, model_version)
                    VALUES (:id, :bpm, 'F#', 'minor', 0.5, -9.5, 0.25, '{"danceability": "not computed"}', 'acoustic-2')""")
                    .param("id", id).param("bpm", 100.0 + i).update();
            for (String model : List.of("acoustic_features", "clap", "musicnn")) {
                jdbc.sql("""
                        INSERT INTO song_analysis (song_id, model, status, model_version, completed_at)
                        VALUES (:id, :model, 'COMPLETED', 'v1', now())""").param("id", id).param("model", model).update();
            }
            jdbc.sql("""
                    INSERT INTO song_analysis (song_id, model, status, model_version, error_reason, completed_at)
                    VALUES (:id, 'muq', 'FAILED', 'v2', 'no weights', now())""").param("id", id).update();
        }
        jdbc.sql("""
                INSERT INTO acoustic_statistics (model, model_version, dim, mean, std, song_count)
                VALUES ('acoustic_features', 'acoustic-2', 2, :mean, :std, 8)""")
                .param("mean", VectorCodec.encode(new float[] {1f, 2f}))
                .param("std", VectorCodec.encode(new float[] {3f, 4f})).update();
        long playlist = jdbc.sql("INSERT INTO playlist (name, source, request) VALUES ('Evening', 'manual',"
                + " '{\"seed\": 1}') RETURNING id").query(Long.class).single();
        int position = 0;
        for (int song : new int[] {5, 2, 7}) {
            jdbc.sql("INSERT INTO playlist_song (playlist_id, position, song_id) SELECT :p, :pos, id FROM song"
                    + " WHERE path = :path").param("p", playlist).param("pos", position++)
                    .param("path", paths.get(song)).update();
        }
        SearchLibrary.of(jdbc, context).refresh(MODELS.toArray(String[]::new));
    }

    @Test
    void exportWipeImportGivesTheSameAnswers() throws Exception {
        Map<String, String> before = answers();
        assertThat(before.get("similar clap " + paths.get(0))).contains(paths.get(1));

        byte[] export = export();
        wipe();
        assertThat(answers()).isNotEqualTo(before);

        Http.Response imported = importFile(export);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        JsonNode report = imported.json();
        assertThat(report.get("songs_imported").asLong()).isEqualTo(SONGS);
        assertThat(report.get("songs_skipped_changed").asLong()).isZero();
        assertThat(report.get("playlists_imported").asLong()).isEqualTo(1);
        // no manual refresh here: the import itself brings the embedded index up to date
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(answers()).isEqualTo(before));
        assertThat(count("acoustic_statistics")).isEqualTo(1);

        Http.Response again = importFile(export);
        assertThat(again.json().get("playlists_skipped").asLong()).as("a second import adds no playlist").isEqualTo(1);
        assertThat(count("playlist")).isEqualTo(1);
    }

    @Test
    void refusesBadFilesBeforeWritingAnything() throws Exception {
        byte[] export = export();
        wipe();
        Map<String, byte[]> entries = entries(export);

        byte[] tamperedSongs = entries.get("songs.jsonl").clone();
        tamperedSongs[20] ^= 1;
        ObjectNode newer = (ObjectNode) JSON.readTree(entries.get("manifest.json"));
        newer.put("format_version", 2);
        ObjectNode foreignManifest = (ObjectNode) JSON.readTree(entries.get("manifest.json"));
        foreignManifest.put("format", "something-else");

        Map<String, byte[]> refusals = new LinkedHashMap<>();
        refusals.put("truncated", Arrays.copyOf(export, export.length / 2));
        refusals.put("not a zip", "path,size\nsong.flac,1\n".getBytes(StandardCharsets.UTF_8));
        // larger than the API's 1 MB cap of JSON bodies: the import path must not answer 413 to a real library
        byte[] noise = new byte[3 * 1024 * 1024];
        new java.util.Random(19).nextBytes(noise);
        refusals.put("3 MB that are not a zip", noise);
        refusals.put("a zip without manifest", zip(Map.of("songs.jsonl", entries.get("songs.jsonl"))));
        refusals.put("another format", zip(with(entries, "manifest.json", JSON.writeValueAsBytes(foreignManifest))));
        refusals.put("tampered", zip(with(entries, "songs.jsonl", tamperedSongs)));
        refusals.put("newer version", zip(with(entries, "manifest.json", JSON.writeValueAsBytes(newer))));
        for (Map.Entry<String, byte[]> file : refusals.entrySet()) {
            Http.Response response = importFile(file.getValue());
            assertThat(response.status()).as(file.getKey() + ": " + response.body()).isEqualTo(422);
            assertThat(response.json().get("detail").asString()).as(file.getKey()).contains("nothing was written");
            for (String table : TABLES) {
                assertThat(count(table)).as(file.getKey() + " wrote " + table).isZero();
            }
        }
        assertThat(importFile(zip(with(entries, "manifest.json", JSON.writeValueAsBytes(newer)))).json().get("detail")
                .asString()).contains("newer Sonority", "version 2", "reads up to version 1");
        assertThat(importFile(new byte[0]).status()).isEqualTo(400);
        assertThat(importFile(export).status()).as("the untouched file still imports").isEqualTo(200);
    }

    @Test
    void skipsSongsWhoseFileChangedOrIsGone() throws Exception {
        byte[] export = export();
        wipe();
        jdbc.sql("UPDATE song SET file_size = file_size + 1 WHERE path = :p").param("p", paths.get(1)).update();
        jdbc.sql("UPDATE song SET duration_seconds = duration_seconds + 1 WHERE path = :p").param("p", paths.get(2))
                .update();
        jdbc.sql("DELETE FROM song WHERE path = :p").param("p", paths.get(3)).update();

        JsonNode report = importFile(export).json();

        assertThat(report.get("songs_imported").asLong()).isEqualTo(SONGS - 3);
        assertThat(report.get("songs_skipped_changed").asLong()).isEqualTo(2);
        assertThat(report.get("songs_skipped_missing").asLong()).isEqualTo(1);
        for (int changed : new int[] {1, 2}) {
            assertThat(jdbc.sql("SELECT count(*) FROM embedding e JOIN song s ON s.id = e.song_id WHERE s.path = :p")
                    .param("p", paths.get(changed)).query(Long.class).single()).isZero();
        }
        assertThat(count("embedding")).isEqualTo((SONGS - 3) * 5L);
        assertThat(http().get("/api/v1/songs/" + encode(paths.get(0)) + "/analysis").json().get("has_features")
                .asBoolean()).isTrue();
    }

    /** With Qdrant (the outbox switched on) the imported search vectors are queued for the worker's Qdrant sync. */
    @Test
    void importedSearchVectorsReachTheVectorOutbox() throws Exception {
        byte[] export = export();
        wipe();
        jdbc.sql("TRUNCATE vector_outbox").update();
        jdbc.sql("UPDATE vector_outbox_switch SET enabled = true").update();
        try {
            assertThat(importFile(export).status()).isEqualTo(200);
            assertThat(jdbc.sql("SELECT model, count(*) AS n FROM vector_outbox GROUP BY model ORDER BY model")
                    .query((rs, n) -> rs.getString("model") + "=" + rs.getLong("n")).list())
                    .containsExactly("clap=" + SONGS, "musicnn=" + SONGS);
        } finally {
            jdbc.sql("UPDATE vector_outbox_switch SET enabled = false").update();
            jdbc.sql("TRUNCATE vector_outbox").update();
        }
    }

    /** Every song's /analysis body, every song's similar list for each model, and the playlists' songs. */
    private Map<String, String> answers() {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String path : paths) {
            answers.put("analysis " + path, http().get("/api/v1/songs/" + encode(path) + "/analysis").body());
            for (String model : MODELS) {
                Http.Response similar = http().get("/api/v1/songs/" + encode(path) + "/similar?model_name=" + model
                        + "&limit=5");
                answers.put("similar " + model + " " + path, similar.status() + " " + similar.body());
            }
        }
        JsonNode playlists = http().get("/api/v1/playlists").json();
        answers.put("playlists", playlists.toString().replaceAll("\"(id|created_at|updated_at)\":[^,}]*", ""));
        for (JsonNode playlist : playlists.path("playlists")) {
            answers.put("playlist " + playlist.get("name").asString(), http().get("/api/v1/playlists/"
                    + playlist.get("id").asString()).body().replaceAll("\"(id|created_at|updated_at)\":[^,}]*", ""));
        }
        return answers;
    }

    private void wipe() {
        jdbc.sql("TRUNCATE embedding, song_descriptors, song_analysis, playlist, acoustic_statistics CASCADE").update();
        SearchLibrary.of(jdbc, context).refresh(MODELS.toArray(String[]::new));
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private void vector(long id, String model, String kind, float... values) {
        jdbc.sql("INSERT INTO embedding (song_id, model, kind, dim, data, model_version) VALUES (:id, :model, :kind,"
                        + " :dim, :data, 'v1')").param("id", id).param("model", model).param("kind", kind)
                .param("dim", values.length).param("data", VectorCodec.encode(values)).update();
    }

    private byte[] export() throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/library/export")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
        return response.body();
    }

    private Http.Response importFile(byte[] file) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/library/import")).header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)).build(), HttpResponse.BodyHandlers.ofString());
        return new Http.Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    private static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        assertThat(entries).containsKeys("manifest.json", "songs.jsonl", "playlists.jsonl", "acoustic_statistics.jsonl");
        return entries;
    }

    private static Map<String, byte[]> with(Map<String, byte[]> entries, String name, byte[] content) {
        Map<String, byte[]> changed = new LinkedHashMap<>(entries);
        changed.put(name, content);
        return changed;
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static String encode(String path) {
        return URLEncoder.encode(path, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
