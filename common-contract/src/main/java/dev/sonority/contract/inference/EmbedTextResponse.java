package dev.sonority.contract.inference;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The body of the answer to {@code POST /v1/embed/text}: one unit-length vector per text, in request order. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EmbedTextResponse(String model, @Nullable String version, int dim, List<float[]> embeddings) {

    public EmbedTextResponse {
        embeddings = embeddings == null ? List.of() : List.copyOf(embeddings);
    }
}
