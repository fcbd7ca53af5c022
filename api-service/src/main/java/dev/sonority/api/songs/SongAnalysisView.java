package dev.sonority.api.songs;

import java.util.List;
import java.util.Map;

/**
 * Lainbow's {@code SongAnalysis} (the first eleven fields, in its order and with its names) plus Sonority's
 * descriptors. {@code embeddings_status} has every analysable model as a key, with {@code COMPLETED},
 * {@code FAILED}, {@code PENDING} (queued or running) or null (never requested). {@code bpmConfidence} is the
 * stored beat confidence of {@code bpm} (in [0, 1]; how periodic the onsets are at that tempo), so a caller can
 * tell a firm tempo from a guess on music without a clear pulse. {@code musicnn_tags} (the 50
 * MSD tags) and {@code moods} (the six mood heads) map each label to its score, in MusiCNN's output order; both
 * are null when the song has no MusiCNN analysis.
 */
public record SongAnalysisView(
        String filePath,
        String title,
        String artist,
        String album,
        Integer durationSeconds,
        boolean hasFeatures,
        Map<String, String> embeddingsStatus,
        Double bpm,
        Double spectralCentroidMean,
        Double spectralBandwidthMean,
        List<Double> mfccMean,
        List<Double> chromaMean,
        String key,
        String scale,
        Double keyStrength,
        Double loudnessLufs,
        Double loudnessRange,
        Double energy,
        Double danceability,
        Double bpmConfidence,
        Map<String, String> unavailable,
        Map<String, Double> musicnnTags,
        Map<String, Double> moods) {
}
