package dev.sonority.api.schedules;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A schedule as the API shows it. {@code last_result} is the task's status when the schedule submitted it
 * (PENDING, or SKIPPED when one of its type was already running) or ERROR when it started nothing; the task's
 * own state is at {@code /api/v1/tasks/{last_task_id}}.
 */
record ScheduleView(
        long id,
        String cron,
        String timeZone,
        String taskType,
        @Nullable JsonNode body,
        boolean enabled,
        @Nullable Instant nextFireAt,
        @Nullable Instant lastFiredAt,
        @Nullable String lastTaskId,
        @Nullable String lastResult,
        @Nullable String lastMessage,
        Instant createdAt) {

    static ScheduleView of(Schedule s, @Nullable JsonNode body) {
        return new ScheduleView(s.id(), s.cron(), s.timeZone(), s.task().apiName(), body, s.enabled(), s.nextFireAt(),
                s.lastFiredAt(), s.lastTaskId() == null ? null : s.lastTaskId().toString(), s.lastResult(),
                s.lastMessage(), s.createdAt());
    }
}
