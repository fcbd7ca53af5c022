package dev.sonority.worker.tasks;

import java.util.UUID;

/**
 * Published (as a Spring application event) once per finished analyze batch whose task has ended SUCCESS: the
 * follow-ups of a whole analyze task (re-standardising the acoustic vectors, refreshing the library maps) listen to
 * this rather than each reading the task's status after every batch.
 */
public record AnalyzeTaskSucceeded(UUID taskId) {
}
