package dev.sonority.api.library;

import java.util.List;

/** The {@code song_descriptors} values an export carries (besides {@code null_reasons} and {@code model_version}). */
final class DescriptorColumns {

    static final List<String> NUMBERS = List.of("bpm", "beat_confidence", "key_strength", "loudness_lufs",
            "loudness_range", "energy", "danceability", "dynamic_complexity", "spectral_centroid_mean",
            "spectral_bandwidth_mean");
    static final List<String> TEXTS = List.of("musical_key", "scale");

    private DescriptorColumns() {
    }
}
