package dev.sonority.api.tasks;

import dev.sonority.api.web.ApiException;
import dev.sonority.api.web.Paging;
import dev.sonority.api.web.ValidationException;
import dev.sonority.api.web.Violation;
import dev.sonority.model.task.TaskStatus;
import dev.sonority.model.task.TaskTransitions;
import dev.sonority.model.task.TaskType;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sonority's task endpoints (RFC 9457 errors): list top-level tasks newest first, read one, cancel one.
 * Cancelling a PENDING task cancels it at once (200); a RUNNING one is asked to stop and the worker
 * cancels it cooperatively (202); a finished one cannot be cancelled (409).
 */
@RestController
public class TasksController {

    /** {@code {"tasks": [...], "total": 12, "limit": 50, "offset": 0}} */
    public record TaskList(List<TaskView> tasks, long total, int limit, long offset) {
    }

    private final TaskQueries queries;
    private final TaskTransitions transitions;
    private final TaskJson json;

    public TasksController(TaskQueries queries, TaskTransitions transitions, TaskJson json) {
        this.queries = queries;
        this.transitions = transitions;
        this.json = json;
    }

    @GetMapping("/api/v1/tasks")
    public TaskList list(@RequestParam(required = false) List<String> status,
            @RequestParam(required = false) List<String> type,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) Long offset) {
        Paging paging = Paging.of(limit, offset, 50);
        TaskQueries.Slice slice = queries.topLevel(statuses(status), types(type), paging);
        Instant now = Instant.now();
        return new TaskList(slice.tasks().stream().map(t -> TaskView.of(t, json, now)).toList(), slice.total(),
                paging.limit(), paging.offset());
    }

    @GetMapping("/api/v1/tasks/{task_id}")
    public TaskView get(@PathVariable("task_id") String taskId) {
        return TaskView.of(find(TaskIds.parse(taskId, "task_id")), json, Instant.now());
    }

    @PostMapping("/api/v1/tasks/{task_id}/cancel")
    public ResponseEntity<TaskView> cancel(@PathVariable("task_id") String taskId) {
        UUID id = TaskIds.parse(taskId, "task_id");
        if (transitions.cancelPending(id)) {
            return ResponseEntity.ok(TaskView.of(find(id), json, Instant.now()));
        }
        if (transitions.requestCancel(id)) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(TaskView.of(find(id), json, Instant.now()));
        }
        StoredTask task = find(id);
        throw ApiException.conflict("Task " + id + " is already " + task.status() + " and cannot be cancelled");
    }

    private StoredTask find(UUID id) {
        return queries.find(id).orElseThrow(() -> ApiException.notFound("Task not found"));
    }

    private static Set<TaskStatus> statuses(List<String> values) {
        Set<TaskStatus> result = EnumSet.noneOf(TaskStatus.class);
        for (String value : split(values)) {
            try {
                result.add(TaskStatus.valueOf(value.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ValidationException(Violation.of("Input should be one of "
                        + List.of(TaskStatus.values()) + ", got '" + value + "'", "enum", "query", "status"));
            }
        }
        return result;
    }

    private static Set<TaskType> types(List<String> values) {
        Set<TaskType> result = EnumSet.noneOf(TaskType.class);
        for (String value : split(values)) {
            try {
                result.add(TaskType.valueOf(value.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ValidationException(Violation.of("Input should be one of scan, vacuum, analyze, got '"
                        + value + "'", "enum", "query", "type"));
            }
        }
        return result;
    }

    /** {@code ?status=PENDING,RUNNING} and {@code ?status=PENDING&status=RUNNING} mean the same. */
    private static List<String> split(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().flatMap(v -> java.util.Arrays.stream(v.split(","))).map(String::trim)
                .filter(v -> !v.isEmpty()).toList();
    }
}
