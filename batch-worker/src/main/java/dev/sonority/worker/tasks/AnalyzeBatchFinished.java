package dev.sonority.worker.tasks;

import java.util.UUID;

/**
 * Published (as a Spring application event) after each analyze batch has committed its songs; {@link FollowUpTasks}
 * turns the one that finds its task ended SUCCESS into {@link AnalyzeTaskSucceeded}.
 */
public record AnalyzeBatchFinished(UUID taskId) {
}
