package dev.sonority.model.job;

import dev.sonority.model.task.TaskType;
import java.util.UUID;

/**
 * "Run this task": published by the API (or by recovery) after the task row is committed. Everything else
 * the job needs (its parameters) is read from the task row, which stays the source of truth, so a message
 * that is delivered twice or after a restart finds the task as it really is.
 */
public record JobRequest(UUID taskId, TaskType type) {
}
