package dev.sonority.api.tasks;

import dev.sonority.model.task.TaskStatus;
import dev.sonority.model.task.TaskType;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A task row as the API reads it back (see {@link TaskQueries}); its JSON columns ({@code details},
 * {@code parameters}) stay JSON text, which {@link TaskJson} parses when a response shows them.
 */
public record StoredTask(
        UUID id,
        TaskType type,
        String name,
        TaskStatus status,
        int progress,
        int processedCount,
        int failedCount,
        @Nullable Integer totalCount,
        @Nullable String message,
        @Nullable String error,
        @Nullable String details,
        @Nullable String parameters,
        boolean cancelRequested,
        Instant createdAt,
        @Nullable Instant startedAt,
        Instant updatedAt,
        @Nullable Instant finishedAt) {
}
