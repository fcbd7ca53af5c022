package dev.sonority.worker.tasks;

import java.util.UUID;

/**
 * Published (as a Spring application event) after each analyze batch has committed its songs, so follow-up work
 * that depends on a whole task (re-standardising the acoustic vectors) can check whether the task has ended.
 */
public record AnalyzeBatchFinished(UUID taskId) {
}
