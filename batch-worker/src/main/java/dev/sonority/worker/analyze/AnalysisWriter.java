package dev.sonority.worker.analyze;

import dev.sonority.audio.decode.SourceInfo;
import dev.sonority.worker.songs.EmbeddingTable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes what a song's analysis produced: its decoded header, vectors and descriptors (all upserts). */
@Component
class AnalysisWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final EmbeddingTable embeddings;

    AnalysisWriter(JdbcClient jdbc, EmbeddingTable embeddings) {
        this.jdbc = jdbc;
        this.embeddings = embeddings;
    }

    /** What decoding revealed about the file (more exact than the tags: the real duration and codec). */
    void decoded(long songId, SourceInfo source) {
        jdbc.sql("""
                UPDATE song SET duration_seconds = :duration, codec = :codec, sample_rate = :rate,
                       channels = :channels, bitrate = coalesce(:bitrate, bitrate), updated_at = now()
                 WHERE id = :id
                """).param("duration", source.durationSeconds() > 0 ? source.durationSeconds() : null)
                .param("codec", source.codec()).param("rate", source.sampleRate())
                .param("channels", source.channels()).param("bitrate", source.bitrate()).param("id", songId)
                .update();
    }

    void output(long songId, String model, String version, ModelOutput output) {
        embeddings.upsert(output.vectors().entrySet().stream()
                .map(v -> new EmbeddingTable.Row(songId, model, v.getKey(), v.getValue(), version)).toList());
        if (output.descriptors() != null) {
            descriptors(songId, version, output.descriptors());
        }
    }

    private void descriptors(long songId, String version, Descriptors d) {
        jdbc.sql("""
                INSERT INTO song_descriptors (song_id, bpm, beat_confidence, musical_key, scale, key_strength,
                       loudness_lufs, loudness_range, energy, danceability, dynamic_complexity,
                       spectral_centroid_mean, spectral_bandwidth_mean, null_reasons, model_version, updated_at)
                VALUES (:song, :bpm, :beat, :key, :scale, :strength, :lufs, :lra, :energy, :dance, :dyn,
                        :centroid, :bandwidth, CAST(:reasons AS jsonb), :version, now())
                ON CONFLICT (song_id) DO UPDATE SET bpm = EXCLUDED.bpm, beat_confidence = EXCLUDED.beat_confidence,
                       musical_key = EXCLUDED.musical_key, scale = EXCLUDED.scale,
                       key_strength = EXCLUDED.key_strength, loudness_lufs = EXCLUDED.loudness_lufs,
                       loudness_range = EXCLUDED.loudness_range, energy = EXCLUDED.energy,
                       danceability = EXCLUDED.danceability, dynamic_complexity = EXCLUDED.dynamic_complexity,
                       spectral_centroid_mean = EXCLUDED.spectral_centroid_mean,
                       spectral_bandwidth_mean = EXCLUDED.spectral_bandwidth_mean,
                       null_reasons = EXCLUDED.null_reasons, model_version = EXCLUDED.model_version,
                       updated_at = now()
                """).param("song", songId).param("bpm", d.bpm()).param("beat", d.beatConfidence())
                .param("key", d.musicalKey()).param("scale", d.scale()).param("strength", d.keyStrength())
                .param("lufs", d.loudnessLufs()).param("lra", d.loudnessRange()).param("energy", d.energy())
                .param("dance", d.danceability()).param("dyn", d.dynamicComplexity())
                .param("centroid", d.spectralCentroidMean()).param("bandwidth", d.spectralBandwidthMean())
                .param("reasons", d.nullReasons().isEmpty() ? null : JSON.writeValueAsString(d.nullReasons()))
                .param("version", version).update();
    }
}
