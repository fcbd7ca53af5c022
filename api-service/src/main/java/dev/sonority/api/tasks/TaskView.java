package dev.sonority.api.tasks;

import dev.sonority.model.task.Task;
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

    static TaskView of(Task task, TaskJson json, Instant now) {
        return new TaskView(task.getId().toString(), task.getType().routingKey(), task.getName(),
                task.getStatus().name(), task.getProgress(), TaskResult.elapsedSeconds(task, now), task.getMessage(),
                task.getError(), json.object(task.getDetails()), json.object(task.getParameters()),
                task.getTotalCount(), task.getProcessedCount(), task.getFailedCount(), task.isCancelRequested(),
                task.getCreatedAt(), task.getStartedAt(), task.getUpdatedAt(), task.getFinishedAt());
    }
}
