package dev.sonority.model.task;

import org.jspecify.annotations.Nullable;

/**
 * A running task's counters as its row stores them: the percentage, the counts and the {@code details} JSON
 * (Lainbow's {@code processed_count}, {@code total_count}, ... and whatever else the job counts).
 */
public record TaskProgress(int percent, int processed, int failed, @Nullable Integer total, @Nullable String message,
        String detailsJson) {
}
