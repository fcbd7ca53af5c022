package dev.sonority.api.songs;

import java.time.Instant;
import java.util.UUID;

/** One model's analysis of a song: its state, and why it failed after how many attempts. */
public record AnalysisView(
        String status,
        String errorReason,
        int attempts,
        String modelVersion,
        UUID taskId,
        Instant startedAt,
        Instant completedAt,
        Instant updatedAt) {
}
