package dev.sonority.api.schedules;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A schedule row; {@code body} stays JSON text. */
record Schedule(
        long id,
        String cron,
        String timeZone,
        ScheduledTask task,
        @Nullable String body,
        boolean enabled,
        @Nullable Instant nextFireAt,
        @Nullable Instant lastFiredAt,
        @Nullable UUID lastTaskId,
        @Nullable String lastResult,
        @Nullable String lastMessage,
        Instant createdAt) {

    CronTimes times() {
        return CronTimes.of(cron, timeZone);
    }
}
