package dev.sonority.api.tasks;

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

    public static TaskResult of(StoredTask task, TaskJson json, Instant now) {
        return new TaskResult(task.id().toString(), task.name(), task.status().name(), task.progress(),
                elapsedSeconds(task, now), task.message(), task.error(), json.object(task.details()),
                task.createdAt(), task.updatedAt());
    }

    static Long elapsedSeconds(StoredTask task, Instant now) {
        if (task.startedAt() == null) {
            return null;
        }
        Instant end = task.finishedAt() == null ? now : task.finishedAt();
        return Math.max(0, Duration.between(task.startedAt(), end).getSeconds());
    }
}
