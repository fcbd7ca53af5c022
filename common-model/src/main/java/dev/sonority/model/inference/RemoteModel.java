package dev.sonority.model.inference;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/** One entry of the inference service's {@code GET /v1/models}, the fields the worker and the API read. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RemoteModel(String name, @Nullable String version, @Nullable String state, @Nullable String reason,
        @Nullable Integer sampleRate, @Nullable String kind) {

    /** Whether the model's files are in place (loaded now, or loadable on first use). */
    public boolean usable() {
        return "installed".equals(state) || "loaded".equals(state);
    }

    public boolean embedsAudio() {
        return kind == null || kind.startsWith("audio");
    }
}
