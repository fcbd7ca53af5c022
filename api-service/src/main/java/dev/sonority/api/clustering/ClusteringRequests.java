package dev.sonority.api.clustering;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The parameters of a CLUSTER task from its request body, checked against the models that have vectors now: one
 * place for {@code POST /api/v1/clustering/run} and for schedules, which check a body when it is saved and again
 * at each firing (the library, and so the default model, may have changed; an unseeded body gets a new seed).
 */
@Component
public class ClusteringRequests {

    private final ClusteringRunStore runs;

    ClusteringRequests(ClusteringRunStore runs) {
        this.runs = runs;
    }

    /** @throws dev.sonority.api.web.ValidationException for every bad value at once */
    public Map<String, Object> parameters(@Nullable JsonNode body) {
        return ClusteringParameters.of(body, runs.modelsWithVectors(), ClusteringController.DEFAULT_MODELS);
    }
}
