package dev.sonority.api.tasks;

import dev.sonority.model.task.Task;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * Lainbow's {@code TaskResult}. {@code traceback} carries the task's error; {@code elapsed_time} is whole
 * seconds from start to finish (or to now while it runs), null before it starts.
 */
public record TaskResult(
        String id,
        String name,
        String status,
        int progress,
        Long elapsedTime,
        String message,
        String traceback,
        JsonNode details,
        Instant createdAt,
        Instant updatedAt) {

    static TaskResult of(Task task, TaskJson json, Instant now) {
        return new TaskResult(task.getId().toString(), task.getName(), task.getStatus().name(), task.getProgress(),
                elapsedSeconds(task, now), task.getMessage(), task.getError(), json.object(task.getDetails()),
                task.getCreatedAt(), task.getUpdatedAt());
    }

    static Long elapsedSeconds(Task task, Instant now) {
        if (task.getStartedAt() == null) {
            return null;
        }
        Instant end = task.getFinishedAt() == null ? now : task.getFinishedAt();
        return Math.max(0, Duration.between(task.getStartedAt(), end).getSeconds());
    }
}
