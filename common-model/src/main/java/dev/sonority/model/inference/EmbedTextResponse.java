package dev.sonority.model.inference;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The body of {@code POST /v1/embed/text}: one unit-length vector per text, in request order. */
@JsonIgnoreProperties(ignoreUnknown = true)
record EmbedTextResponse(String model, @Nullable String version, int dim, List<float[]> embeddings) {

    EmbedTextResponse {
        embeddings = embeddings == null ? List.of() : List.copyOf(embeddings);
    }
}
