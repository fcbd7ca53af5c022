package dev.sonority.api.discovery.moods;

import dev.sonority.api.search.ModelChain;
import dev.sonority.api.search.Moods;
import dev.sonority.api.search.QueryParameters;
import dev.sonority.contract.models.ModelName;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/moods}: each MusiCNN mood, how many songs are strong in it, and whether it has a centroid. */
@RestController
public class MoodsController {

    /**
     * @param model the model the centroids are in (the chain's first with vectors); null when no model has any
     * @param threshold the probability from which a song counts as strong in a mood
     */
    public record MoodList(String model, double threshold, List<MoodView> moods) {
    }

    /**
     * @param songs how many songs are strong in the mood
     * @param centroid whether the mood has a centroid in {@code model}'s space (usable by paths and alchemy)
     */
    public record MoodView(String name, int songs, boolean centroid) {
    }

    private final MoodCentroids centroids;
    private final ModelChain models;

    MoodsController(MoodCentroids centroids, ModelChain models) {
        this.centroids = centroids;
        this.models = models;
    }

    @Operation(summary = "MusiCNN's six moods: songs strong in each (probability >= 0.5), and whether each has a"
            + " centroid in the model's space (what the path and alchemy mood items use)")
    @GetMapping("/api/v1/moods")
    public MoodList moods(@Parameter(description = "model whose centroids are reported; default: the first of"
            + " SEARCH_SIMILAR_MODELS with vectors") @RequestParam(required = false) String model) {
        String requested = QueryParameters.model(model, ModelName.apiNames(), null, "model");
        String answering = models.first(requested, java.util.Optional::of).orElse(null);
        Map<String, MoodCentroid> present = answering == null ? Map.of() : centroids.all(answering);
        List<MoodView> moods = centroids.songCounts().entrySet().stream()
                .map(e -> new MoodView(e.getKey(), e.getValue(), present.containsKey(e.getKey()))).toList();
        return new MoodList(answering, Moods.STRONG, moods);
    }
}
