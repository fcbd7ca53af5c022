package dev.sonority.api.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.api.support.ApiIntegrationTest;
import dev.sonority.api.support.Http;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class StatsEndpointIT extends ApiIntegrationTest {

    @BeforeEach
    void empty() {
        reset();
    }

    @Test
    void emptyLibraryCountsZeroEverywhere() {
        JsonNode stats = http().get("/api/v1/stats").json();
        assertThat(stats.propertyNames()).containsExactly("total_songs", "songs_with_acoustic_features",
                "songs_with_clap", "songs_with_mert", "songs_with_muq", "songs_with_muq_mulan", "pending_tasks",
                "running_tasks", "songs_with_musicnn", "failed_songs");
        stats.forEach(value -> assertThat(value.isIntegralNumber() && value.asLong() == 0).isTrue());
    }

    @Test
    void countsWhatWasStored() {
        // present: a, b, c; missing: d. Completed: acoustic a, b, d; clap a; muq_mulan b. Failed: musicnn a,
        // scan error c; so failed songs = {a, c}. Tasks: one PENDING scan, one RUNNING analyze with a
        // PENDING child (children are not counted), one SUCCESS vacuum.
        long a = song("A/a.flac", null, false);
        long b = song("B/b.flac", null, false);
        song("C/c.flac", "not an audio file", false);
        long d = song("D/d.flac", null, true);
        analysis(a, "acoustic_features", "COMPLETED");
        analysis(b, "acoustic_features", "COMPLETED");
        analysis(d, "acoustic_features", "COMPLETED");
        analysis(a, "clap", "COMPLETED");
        analysis(b, "muq_mulan", "COMPLETED");
        analysis(a, "musicnn", "FAILED");
        analysis(b, "musicnn", "PENDING");
        analysis(b, "mert", "RUNNING");
        task("SCAN", "PENDING", null);
        UUID parent = task("ANALYZE", "RUNNING", null);
        task("ANALYZE", "PENDING", parent);
        task("VACUUM", "SUCCESS", null);

        for (String path : new String[] {"/api/v1/stats", "//api/v1/stats"}) {
            Http.Response response = http().get(path);
            assertThat(response.status()).as(path).isEqualTo(200);
            JsonNode stats = response.json();
            assertThat(stats.get("total_songs").asLong()).isEqualTo(3);
            assertThat(stats.get("songs_with_acoustic_features").asLong()).isEqualTo(3);
            assertThat(stats.get("songs_with_clap").asLong()).isEqualTo(1);
            assertThat(stats.get("songs_with_mert").asLong()).isZero();
            assertThat(stats.get("songs_with_muq").asLong()).isZero();
            assertThat(stats.get("songs_with_muq_mulan").asLong()).isEqualTo(1);
            assertThat(stats.get("songs_with_musicnn").asLong()).isZero();
            assertThat(stats.get("pending_tasks").asLong()).isEqualTo(1);
            assertThat(stats.get("running_tasks").asLong()).isEqualTo(1);
            assertThat(stats.get("failed_songs").asLong()).isEqualTo(2);
        }
    }

    private long song(String path, String scanError, boolean missing) {
        return jdbc.sql("""
                INSERT INTO song (path, file_size, file_mtime, scan_error, missing_since)
                VALUES (:path, 1, now(), :error, CASE WHEN :missing THEN now() END) RETURNING id""")
                .param("path", path).param("error", scanError).param("missing", missing)
                .query(Long.class).single();
    }

    private void analysis(long songId, String model, String status) {
        jdbc.sql("INSERT INTO song_analysis (song_id, model, status) VALUES (:id, :model, :status)")
                .param("id", songId).param("model", model).param("status", status).update();
    }

    private UUID task(String type, String status, UUID parent) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO task (id, type, name, status, parent_id) VALUES (:id, :type, 'x', :status, :parent)")
                .param("id", id).param("type", type).param("status", status).param("parent", parent).update();
        return id;
    }
}
