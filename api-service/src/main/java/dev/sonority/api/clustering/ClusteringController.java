package dev.sonority.api.clustering;

import dev.sonority.api.tasks.TaskJson;
import dev.sonority.api.tasks.TaskResult;
import dev.sonority.api.tasks.TaskSubmitter;
import dev.sonority.api.web.ApiException;
import dev.sonority.contract.models.ModelName;
import dev.sonority.model.task.TaskType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Starts clustering searches and shows their runs. */
@RestController
@Tag(name = "Clustering", description = "Automatic playlists from the structure of the library (a CLUSTER task)")
public class ClusteringController {

    /** The default model: the first of these with vectors, so it works with no model download. */
    static final List<String> DEFAULT_MODELS = List.of(ModelName.MUSICNN.apiName(),
            ModelName.ACOUSTIC_FEATURES.apiName());

    static final String BODY_DOC = """
            Every field is optional; what is left out takes the reference's default.
            - `model`: any model with search vectors (default: the first of musicnn, acoustic_features that has them).
              A model without vectors is a 422 listing those that have them.
            - `method`: `kmeans` (default), `gmm` (diagonal covariance), `dbscan`, `spectral`.
            - `clusters`: `{"min": a, "max": b}`, 2 ≤ a ≤ b ≤ 1000: k for kmeans, components for gmm, clusters for
              spectral (default 40–100). The worker caps the upper bound at songs / `min_songs` (at least 2).
            - `eps`: `{"min", "max"}` for dbscan, within 0.000001–100 (default 0.1–0.5).
            - `min_samples`: `{"min", "max"}` for dbscan, integers 1–1000 (default 5–20).
            - `pca_components`: `{"min", "max"}`, integers 0–199, 0 = no PCA (default 0–199), capped at the
              vectors' dimensions − 1.
            - `runs`: 1–10000 (default 1000). `sample_size`: songs per run, 10–1000000 (default 10000, stratified
              by genre).
            - `mood_diversity` (default 2.0), `mood_purity` (default 1.0): fitness weights, 0–100.
              `silhouette`, `davies_bouldin`, `calinski_harabasz`: must be 0 (the fitness has only the mood
              terms so far).
            - `top_n`: playlists kept, 1–100 (default 10). `min_songs` 2–1000 (default 20), `max_songs` 2–10000
              and ≥ min_songs (default 200): playlist sizes. `max_distance`: members farther from their
              centroid leave (default 0.5).
            - `seed`: integer; the same seed gives the same search (default: a random one, stored in the task's
              parameters).
            Each out-of-range value is a 422 naming its range; unknown fields are a 422 too.""";

    private final TaskSubmitter submitter;
    private final TaskJson json;
    private final ClusteringRunStore runs;
    private final ClusteringRequests requests;
    private final JsonMapper mapper;

    public ClusteringController(TaskSubmitter submitter, TaskJson json, ClusteringRunStore runs,
            ClusteringRequests requests, JsonMapper mapper) {
        this.submitter = submitter;
        this.json = json;
        this.runs = runs;
        this.requests = requests;
        this.mapper = mapper;
    }

    @PostMapping("/api/v1/clustering/run")
    @Operation(summary = "Start a clustering search", description = BODY_DOC + """

            Answers the CLUSTER task (TaskResult): SKIPPED while another clustering runs; cancel it through
            POST /api/v1/tasks/{task_id}/cancel. Its `details` carry the best fitness so far, the ranges used and
            the label source (`tags`: MusiCNN tags and moods; `descriptors`: tempo band, key mode, energy band).""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
                    content = @Content(examples = @ExampleObject("{\"method\": \"kmeans\", \"clusters\":"
                            + " {\"min\": 20, \"max\": 60}, \"runs\": 200, \"seed\": 7}"))))
    public TaskResult run(@RequestBody(required = false) JsonNode body) {
        return TaskResult.of(submitter.submit(TaskType.CLUSTER, requests.parameters(body)), json, Instant.now());
    }

    @GetMapping("/api/v1/clustering/runs")
    @Operation(summary = "List clustering runs", description = "Newest first (at most `limit`, 1–500, default 50):"
            + " parameters, status, best fitness and the fitness curve (best fitness after each batch).")
    public List<Map<String, Object>> list(@RequestParam(name = "limit", defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) {
            throw new dev.sonority.api.web.ValidationException(dev.sonority.api.web.Violation.of(
                    "limit must be in the range 1–500", "value_error.range", "query", "limit"));
        }
        return runs.list(limit).stream().map(this::view).toList();
    }

    @GetMapping("/api/v1/clustering/runs/{id}")
    @Operation(summary = "Read a clustering run", description = "Its parameters, details (ranges and labels used,"
            + " the best run), fitness per batch and the playlists it saved that are still there; 404 if unknown.")
    public Map<String, Object> get(@PathVariable("id") long id) {
        ClusteringRunStore.Run run = runs.find(id)
                .orElseThrow(() -> ApiException.notFound("No clustering run " + id));
        Map<String, Object> view = view(run);
        view.put("playlists", runs.playlists(id).stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.id());
            m.put("name", p.name());
            m.put("songs", p.songs());
            m.put("fitness", json.object(p.request()) == null ? null : json.object(p.request()).get("fitness"));
            return m;
        }).toList());
        return view;
    }

    private Map<String, Object> view(ClusteringRunStore.Run run) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", run.id());
        m.put("task_id", run.taskId().toString());
        m.put("status", run.status());
        m.put("parameters", json.object(run.parameters()));
        m.put("details", json.object(run.details()));
        m.put("fitness_curve", mapper.readTree(run.fitnessCurve()));
        m.put("best_fitness", run.bestFitness());
        m.put("created_at", run.createdAt());
        m.put("finished_at", run.finishedAt());
        return m;
    }
}
