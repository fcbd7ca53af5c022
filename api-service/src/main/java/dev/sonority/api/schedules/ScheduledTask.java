package dev.sonority.api.schedules;

import dev.sonority.model.task.TaskType;
import java.util.Arrays;
import java.util.Optional;

/** The task types a schedule may start, by the name the API uses for them. */
enum ScheduledTask {
    SCAN(TaskType.SCAN), ANALYZE(TaskType.ANALYZE), VACUUM(TaskType.VACUUM), CLUSTER(TaskType.CLUSTER);

    private final TaskType type;

    ScheduledTask(TaskType type) {
        this.type = type;
    }

    TaskType taskType() {
        return type;
    }

    String apiName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Optional<ScheduledTask> fromApiName(String name) {
        return Arrays.stream(values()).filter(t -> t.apiName().equals(name)).findFirst();
    }

    static String apiNames() {
        return String.join(", ", Arrays.stream(values()).map(ScheduledTask::apiName).toList());
    }
}
