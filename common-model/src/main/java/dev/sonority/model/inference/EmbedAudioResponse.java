package dev.sonority.model.inference;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/** The body of {@code POST /v1/embed/audio}: every requested model's output, by model name. */
@JsonIgnoreProperties(ignoreUnknown = true)
record EmbedAudioResponse(int sampleRate, double durationS, Map<String, AudioEmbedding> results) {

    EmbedAudioResponse {
        results = results == null ? Map.of() : Map.copyOf(results);
    }
}
