package dev.sonority.api.tasks;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** A task as Sonority's own {@code /api/v1/tasks} endpoints show it: everything a person needs to follow it. */
public record TaskView(
        String id,
        String type,
        String name,
        String status,
        int progress,
        Long elapsedTime,
        String message,
        String error,
        JsonNode details,
        JsonNode parameters,
        Integer totalCount,
        int processedCount,
        int failedCount,
        boolean cancelRequested,
        Instant createdAt,
        Instant startedAt,
        Instant updatedAt,
        Instant finishedAt) {

    static TaskView of(StoredTask task, TaskJson json, Instant now) {
        return new TaskView(task.id().toString(), task.type().routingKey(), task.name(), task.status().name(),
                task.progress(), TaskResult.elapsedSeconds(task, now), task.message(), task.error(),
                json.object(task.details()), json.object(task.parameters()), task.totalCount(),
                task.processedCount(), task.failedCount(), task.cancelRequested(), task.createdAt(),
                task.startedAt(), task.updatedAt(), task.finishedAt());
    }
}
