package dev.sonority.inference.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The body of GET /v1/models. */
public record ModelsResponse(@JsonProperty("models_dir") String modelsDir, String manifest, List<ModelStatus> models) {
}
