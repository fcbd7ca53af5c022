package dev.sonority.contract.inference;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of {@code POST /v1/embed/audio}: every requested model's output, by model name, in the order the
 * models were requested.
 *
 * @param sampleRate the sample rate of the PCM that was sent
 * @param durationSeconds its length
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EmbedAudioResponse(@JsonProperty("sample_rate") int sampleRate,
        @JsonProperty("duration_s") double durationSeconds, Map<String, AudioEmbedding> results) {

    public EmbedAudioResponse {
        results = results == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(results));
    }
}
