package dev.sonority.api.map;

import dev.sonority.api.tasks.StoredTask;
import dev.sonority.api.tasks.TaskJson;
import dev.sonority.api.tasks.TaskQueries;
import dev.sonority.api.tasks.TaskResult;
import dev.sonority.api.tasks.TaskSubmitter;
import dev.sonority.api.web.ApiException;
import dev.sonority.api.web.ValidationException;
import dev.sonority.api.web.Violation;
import dev.sonority.model.task.TaskType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Starts MAP tasks and serves the stored map of a model. */
@RestController
@Tag(name = "Map", description = "Every song as a point in 2-D (UMAP or PCA of a model's vectors, a MAP task)")
public class MapController {

    static final List<Integer> PERCENTS = List.of(25, 50, 75, 100);

    private final TaskSubmitter submitter;
    private final TaskQueries tasks;
    private final TaskJson json;
    private final MapStore maps;
    private final MapDocument documents;

    public MapController(TaskSubmitter submitter, TaskQueries tasks, TaskJson json, MapStore maps,
            MapDocument documents) {
        this.submitter = submitter;
        this.tasks = tasks;
        this.json = json;
        this.maps = maps;
        this.documents = documents;
    }

    @PostMapping("/api/v1/map/run")
    @Operation(summary = "Compute the library map", description = """
            Every field is optional. `model`: a model with search vectors (default: the first of musicnn,
            acoustic_features that has them). `method`: `umap` (default; PCA is used instead below 16 songs) or
            `pca`. `seed`: integer, the same seed gives the same map (default: random, stored in the task's
            parameters). Answers the MAP task (TaskResult); SKIPPED while another map is being computed. A bad
            field is a 422 naming it.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
                    content = @Content(examples = @ExampleObject("{\"model\": \"musicnn\", \"method\": \"umap\","
                            + " \"seed\": 7}"))))
    public TaskResult run(@RequestBody(required = false) @Nullable JsonNode body) {
        return TaskResult.of(submitter.submit(TaskType.MAP, MapParameters.of(body, maps::hasVectors)), json,
                Instant.now());
    }

    @GetMapping("/api/v1/map")
    @Operation(summary = "Read the library map", description = """
            `{model, method, computed_at, percent, points: [{file_path, x, y, genre, title, artist, album}]}`,
            gzip-compressed when the client accepts it, with an ETag (If-None-Match → 304). `model` defaults to
            the first of musicnn, acoustic_features that has vectors; `percent` (25, 50, 75, 100; default 100)
            keeps a stable share of the songs. An unknown model or percent is a 422; a map never computed is a
            404 saying how to start one, or a 202 with the MAP task while it is being computed.""")
    public ResponseEntity<?> map(@RequestParam(name = "model", required = false) @Nullable String model,
            @RequestParam(name = "percent", defaultValue = "100") String percent,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch,
            @RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) @Nullable String acceptEncoding) {
        List<Violation> violations = new ArrayList<>();
        Integer share = PERCENTS.stream().filter(p -> p.toString().equals(percent)).findFirst().orElse(null);
        if (share == null) {
            violations.add(Violation.of("percent must be one of 25, 50, 75, 100", "value_error.enum", "query",
                    "percent"));
        }
        String name = MapParameters.model(model, maps::hasVectors, violations, "query", "model");
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        Optional<MapStore.Stored> stored = maps.find(name);
        if (stored.isEmpty()) {
            Optional<StoredTask> running = tasks.activeTopLevel(TaskType.MAP)
                    .filter(t -> t.parameters() != null
                            && name.equals(json.object(t.parameters()).path("model").asString(null)));
            if (running.isPresent()) {
                return ResponseEntity.status(HttpStatus.ACCEPTED).body(TaskResult.of(running.get(), json,
                        Instant.now()));
            }
            throw ApiException.notFound("No map of " + name + " yet: start one with POST /api/v1/map/run and the"
                    + " body {\"model\": \"" + name + "\"}, then ask again when its task has finished");
        }
        return documents.respond(name, share, stored.get(), ifNoneMatch, acceptEncoding);
    }
}
