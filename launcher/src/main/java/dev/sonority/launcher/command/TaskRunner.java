package dev.sonority.launcher.command;

import dev.sonority.launcher.client.ApiClient;
import dev.sonority.launcher.client.TaskSnapshot;
import dev.sonority.launcher.progress.TaskFollower;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts a scan or an analysis and follows it to the end. When the API answers SKIPPED (one of that kind
 * is already active, e.g. the worker resumed it after a restart) it follows the active one instead.
 */
final class TaskRunner {

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final ApiClient api;
    private final TaskFollower follower;

    TaskRunner(ApiClient api, TaskFollower follower) {
        this.api = api;
        this.follower = follower;
    }

    TaskSnapshot runAndFollow(TaskKind kind) throws InterruptedException {
        TaskSnapshot task = api.run(kind.type);
        if ("SKIPPED".equals(task.status())) {
            Optional<TaskSnapshot> active = active(kind, task);
            if (active.isEmpty()) {
                task = api.run(kind.type); // the active one finished in between
            } else {
                System.out.println("  resuming " + kind.type + " task " + active.get().id() + " (already running)");
                task = active.get();
            }
        }
        return follower.follow(task, kind.label, kind.unit);
    }

    private Optional<TaskSnapshot> active(TaskKind kind, TaskSnapshot skipped) {
        if (skipped.message() != null) {
            Matcher m = UUID.matcher(skipped.message());
            while (m.find()) {
                if (!m.group().equalsIgnoreCase(skipped.id())) {
                    TaskSnapshot named = api.task(m.group());
                    if (!named.finished()) {
                        return Optional.of(named);
                    }
                }
            }
        }
        for (String status : List.of("RUNNING", "PENDING")) {
            List<TaskSnapshot> tasks = api.tasks(status, kind.type);
            if (!tasks.isEmpty()) {
                return Optional.of(tasks.getFirst());
            }
        }
        return Optional.empty();
    }
}
