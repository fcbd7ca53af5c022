package dev.sonority.api.tasks;

import dev.sonority.api.web.ApiException;
import dev.sonority.api.web.LainbowApi;
import dev.sonority.model.task.TaskType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lainbow's batch endpoints. Sola MPD posts with no headers and no body and only checks for a 2xx; a
 * second request while one of the same kind is active answers 200 with a SKIPPED task.
 */
@RestController
@LainbowApi
public class BatchController {

    private final TaskSubmitter submitter;
    private final TaskQueries tasks;
    private final TaskJson json;
    private final AnalyzeParameters analyze;

    public BatchController(TaskSubmitter submitter, TaskQueries tasks, TaskJson json, AnalyzeParameters analyze) {
        this.submitter = submitter;
        this.tasks = tasks;
        this.json = json;
        this.analyze = analyze;
    }

    @PostMapping("/api/v1/batch/scan/run")
    public TaskResult scan() {
        return TaskResult.of(submitter.submit(TaskType.SCAN, null), json, Instant.now());
    }

    @PostMapping("/api/v1/batch/vacuum/run")
    public TaskResult vacuum() {
        return TaskResult.of(submitter.submit(TaskType.VACUUM, null), json, Instant.now());
    }

    /** New library-wide acoustic statistics and every acoustic_features search vector rewritten with them. */
    @PostMapping("/api/v1/batch/revectorise/run")
    public TaskResult revectorise() {
        return TaskResult.of(submitter.submit(TaskType.REVECTORISE, null), json, Instant.now());
    }

    /**
     * Qdrant filled from PostgreSQL (VECTOR_STORE=qdrant): every model with stored vectors, or those of an
     * optional body {@code {"models": [...]}} (same shape as analyze's).
     */
    @PostMapping("/api/v1/batch/reindex/run")
    public TaskResult reindex(@RequestBody(required = false) AnalyzeRequest body) {
        List<String> models = ReindexModels.resolve(body);
        Map<String, Object> parameters = models.isEmpty() ? Map.of() : Map.of("models", models);
        return TaskResult.of(submitter.submit(TaskType.REINDEX, parameters), json, Instant.now());
    }

    @PostMapping("/api/v1/batch/analyze/run")
    public TaskResult analyze(@RequestBody(required = false) AnalyzeRequest body) {
        // no models: the worker analyses with every model installed when the task runs
        return TaskResult.of(submitter.submit(TaskType.ANALYZE, analyze.of(body)), json, Instant.now());
    }

    @GetMapping("/api/v1/batch/tasks/{task_id}")
    public TaskResult task(@PathVariable("task_id") String taskId) {
        return tasks.find(TaskIds.parse(taskId, "task_id"))
                .map(task -> TaskResult.of(task, json, Instant.now()))
                .orElseThrow(() -> ApiException.notFound("Task not found"));
    }
}
