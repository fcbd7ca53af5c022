package dev.sonority.api.songs;

import dev.sonority.contract.models.ModelName;
import dev.sonority.contract.models.MusicnnLabels;
import dev.sonority.contract.vector.VectorCodec;
import dev.sonority.model.embedding.EmbeddingKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a song's analysis for {@code GET /api/v1/songs/{file_path}/analysis}: its descriptors row, the
 * MFCC and chroma means out of the stored {@code acoustic_features} raw vector (Lainbow's 55 values: bpm,
 * centroid mean and std, bandwidth mean and std, 13 MFCC means, 13 MFCC stds, 12 chroma means, 12 chroma
 * stds), the state of every model, and MusiCNN's stored tag and mood scores by label.
 */
@Component
class SongAnalysisQueries {

    /** Offsets into the Lainbow 55-value raw vector. */
    static final int MFCC_MEANS = 5;
    static final int CHROMA_MEANS = 31;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    SongAnalysisQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SongAnalysisView> find(List<String> spellings) {
        return spellings.stream().map(this::findExactly).flatMap(Optional::stream).findFirst();
    }

    private Optional<SongAnalysisView> findExactly(String path) {
        return jdbc.sql("""
                SELECT s.id, s.path, s.title, s.artist, s.album, s.duration_seconds, d.bpm, d.musical_key, d.scale,
                       d.key_strength, d.loudness_lufs, d.loudness_range, d.energy, d.danceability, d.beat_confidence,
                       d.spectral_centroid_mean, d.spectral_bandwidth_mean, d.null_reasons::text AS null_reasons,
                       e.data AS raw
                  FROM song s
                  LEFT JOIN song_descriptors d ON d.song_id = s.id
                  LEFT JOIN embedding e ON e.song_id = s.id AND e.model = :acoustic AND e.kind = :raw
                 WHERE s.path = :path AND s.missing_since IS NULL
                """).param("acoustic", ModelName.ACOUSTIC_FEATURES.apiName()).param("raw", EmbeddingKind.RAW)
                .param("path", path)
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    Map<String, String> status = statuses(id);
                    float[] raw = rs.getBytes("raw") == null ? null : VectorCodec.decode(rs.getBytes("raw"));
                    Double duration = (Double) rs.getObject("duration_seconds");
                    return new SongAnalysisView(rs.getString("path"), rs.getString("title"), rs.getString("artist"),
                            rs.getString("album"), duration == null ? null : (int) Math.floor(duration),
                            "COMPLETED".equals(status.get(ModelName.ACOUSTIC_FEATURES.apiName())), status,
                            (Double) rs.getObject("bpm"), (Double) rs.getObject("spectral_centroid_mean"),
                            (Double) rs.getObject("spectral_bandwidth_mean"), slice(raw, MFCC_MEANS, 13),
                            slice(raw, CHROMA_MEANS, 12), rs.getString("musical_key"), rs.getString("scale"),
                            (Double) rs.getObject("key_strength"), (Double) rs.getObject("loudness_lufs"),
                            (Double) rs.getObject("loudness_range"), (Double) rs.getObject("energy"),
                            (Double) rs.getObject("danceability"), (Double) rs.getObject("beat_confidence"),
                            reasons(rs.getString("null_reasons")),
                            labelled(id, EmbeddingKind.TAGS, MusicnnLabels.TAGS),
                            labelled(id, EmbeddingKind.MOODS, MusicnnLabels.MOODS));
                }).optional();
    }

    /** Every analysable model, in declaration order, with its state (RUNNING reads as PENDING, as Lainbow has it). */
    private Map<String, String> statuses(long songId) {
        Map<String, String> stored = new LinkedHashMap<>();
        jdbc.sql("SELECT model, status FROM song_analysis WHERE song_id = :id").param("id", songId)
                .query(rs -> {
                    stored.put(rs.getString("model"), rs.getString("status"));
                });
        Map<String, String> all = new LinkedHashMap<>();
        for (ModelName model : ModelName.values()) {
            if (model.analysesAudio()) {
                String status = stored.get(model.apiName());
                all.put(model.apiName(), "RUNNING".equals(status) ? "PENDING" : status);
            }
        }
        return all;
    }

    /**
     * MusiCNN's stored vector of this kind as label → score in output order, or null when the song has none
     * (never analysed by MusiCNN) or one whose length does not match the labels (written by another model
     * version: a score under the wrong label would be worse than none).
     */
    private Map<String, Double> labelled(long songId, String kind, List<String> labels) {
        return jdbc.sql("SELECT data FROM embedding WHERE song_id = :id AND model = :model AND kind = :kind")
                .param("id", songId).param("model", ModelName.MUSICNN.apiName()).param("kind", kind)
                .query((rs, n) -> VectorCodec.decode(rs.getBytes("data"))).optional()
                .filter(scores -> scores.length == labels.size())
                .map(scores -> {
                    Map<String, Double> byLabel = new LinkedHashMap<>();
                    for (int i = 0; i < scores.length; i++) {
                        byLabel.put(labels.get(i), (double) scores[i]);
                    }
                    return byLabel;
                }).orElse(null);
    }

    private static List<Double> slice(float[] raw, int from, int count) {
        if (raw == null || raw.length < from + count) {
            return null;
        }
        List<Double> values = new ArrayList<>(count);
        for (float value : Arrays.copyOfRange(raw, from, from + count)) {
            values.add((double) value);
        }
        return values;
    }

    private static Map<String, String> reasons(String json) {
        return json == null ? Map.of() : JSON.readValue(json, new TypeReference<Map<String, String>>() { });
    }
}
