package dev.sonority.inference.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The body of POST /v1/embed/audio: per model {@code version, dim, windows, embedding} and the model's extra
 * fields (musicnn: tags, tag_labels, moods, mood_labels), in the order the models were requested.
 */
record EmbedAudioResponse(@JsonProperty("sample_rate") int sampleRate, @JsonProperty("duration_s") double durationSeconds,
        Map<String, Map<String, Object>> results) {
}
