package dev.sonority.worker.inference;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/** One entry of the inference service's {@code GET /v1/models}, the fields the worker needs. */
@JsonIgnoreProperties(ignoreUnknown = true)
record RemoteModel(String name, @Nullable String version, @Nullable String state, @Nullable String reason,
        @Nullable Integer sampleRate, @Nullable String kind) {

    /** Whether the model's files are in place (loaded now, or loadable on first use). */
    boolean usable() {
        return "installed".equals(state) || "loaded".equals(state);
    }

    boolean embedsAudio() {
        return kind == null || kind.startsWith("audio");
    }
}
