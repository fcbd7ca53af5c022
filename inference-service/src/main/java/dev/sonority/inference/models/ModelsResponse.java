package dev.sonority.inference.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The body of GET /v1/models. {@code models_dir} and {@code manifest} are file locations on the server: they are
 * shown to callers on the same machine only (null, and left out, for anyone else).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelsResponse(@JsonProperty("models_dir") String modelsDir, String manifest, List<ModelStatus> models) {
}
