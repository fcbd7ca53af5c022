package dev.sonority.launcher.command;

import dev.sonority.launcher.cli.LauncherOptions;
import dev.sonority.launcher.client.ApiClient;
import dev.sonority.launcher.client.ApiException;
import dev.sonority.launcher.client.TaskSnapshot;
import dev.sonority.launcher.progress.ProgressBar;
import dev.sonority.launcher.progress.ProgressDisplay;
import dev.sonority.launcher.progress.TaskFollower;
import dev.sonority.launcher.state.RunFile;
import dev.sonority.launcher.state.StateDir;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * {@code status}: whether an instance runs on the state directory, and the progress of its active tasks
 * (followed live on a terminal, one snapshot otherwise). Exit code 0 when running, 3 when not.
 */
public final class StatusCommand {

    private final StateDir state;
    private final PrintStream out = System.out;

    public StatusCommand(LauncherOptions options) {
        this.state = new StateDir(options.stateDir());
    }

    public int run() throws InterruptedException {
        Optional<RunFile> run = RunFile.readLive(state.runFile());
        if (run.isEmpty()) {
            out.println("Sonority is not running (no live " + state.runFile() + ").");
            return 3;
        }
        out.println("Sonority is running: launcher pid " + run.get().pid() + ", services " + run.get().services()
                + ", API " + run.get().apiUrl() + ", since " + run.get().startedAt());
        run.get().restarts().forEach((service, count) -> out.println("  " + service + " was restarted " + count
                + (count == 1 ? " time" : " times") + " after it died; see its log in " + state.logs()));
        ApiClient api = new ApiClient(URI.create(run.get().apiUrl()));
        try {
            List<TaskSnapshot> active = new ArrayList<>(api.tasks("RUNNING", null));
            active.addAll(api.tasks("PENDING", null));
            if (active.isEmpty()) {
                out.println("No task is running.");
            }
            var console = System.console();
            boolean live = console != null && console.isTerminal();
            TaskFollower follower = new TaskFollower(api, ProgressDisplay.terminal(out), Duration.ofMillis(500), () -> false);
            for (TaskSnapshot task : active) {
                TaskKind kind = TaskKind.of(task);
                if (live) {
                    follower.follow(task, kind.label, kind.unit);
                } else {
                    out.println(ProgressBar.render(kind.label, task.processed(), task.total(), task.progress(), Double.NaN,
                            kind.unit, 30) + "  " + task.status());
                }
            }
            JsonNode stats = api.stats();
            out.printf("Library: %d songs, %d with acoustic features; %d pending and %d running tasks%n",
                    stats.path("total_songs").asLong(), stats.path("songs_with_acoustic_features").asLong(),
                    stats.path("pending_tasks").asLong(), stats.path("running_tasks").asLong());
            return 0;
        } catch (ApiException e) {
            out.println("The API at " + run.get().apiUrl() + " did not answer as expected: " + e.getMessage());
            return 1;
        }
    }
}
