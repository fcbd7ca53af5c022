package dev.sonority.worker.analyze;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The scalar descriptors of a song as stored in {@code song_descriptors}; a null value has its reason in
 * {@code nullReasons} (descriptor name to reason), never a NaN.
 */
public record Descriptors(
        @Nullable Double bpm,
        @Nullable Double beatConfidence,
        @Nullable String musicalKey,
        @Nullable String scale,
        @Nullable Double keyStrength,
        @Nullable Double loudnessLufs,
        @Nullable Double loudnessRange,
        @Nullable Double energy,
        @Nullable Double danceability,
        @Nullable Double dynamicComplexity,
        @Nullable Double spectralCentroidMean,
        @Nullable Double spectralBandwidthMean,
        Map<String, String> nullReasons) {

    public Descriptors {
        nullReasons = Map.copyOf(nullReasons);
        for (Double value : new Double[] {bpm, beatConfidence, keyStrength, loudnessLufs, loudnessRange, energy,
                danceability, dynamicComplexity, spectralCentroidMean, spectralBandwidthMean}) {
            if (value != null && !Double.isFinite(value)) {
                throw new IllegalArgumentException("descriptor value " + value + " is not finite; store null with a reason");
            }
        }
    }
}
