package dev.sonority.launcher.command;

import dev.sonority.launcher.cli.LauncherOptions;
import dev.sonority.launcher.state.RunFile;
import dev.sonority.launcher.state.StateDir;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@code stop}: SIGTERM to the launcher of a running instance, which then stops everything as on Ctrl-C. */
public final class StopCommand {

    private final StateDir state;
    private final PrintStream out = System.out;

    public StopCommand(LauncherOptions options) {
        this.state = new StateDir(options.stateDir());
    }

    public int run() throws InterruptedException {
        Optional<RunFile> run = RunFile.readLive(state.runFile());
        Optional<ProcessHandle> launcher = run.flatMap(r -> ProcessHandle.of(r.pid()));
        if (launcher.isEmpty()) {
            out.println("Sonority is not running (no live " + state.runFile() + ").");
            return 0;
        }
        out.println("Stopping Sonority (launcher pid " + run.get().pid() + ") ...");
        launcher.get().destroy();
        try {
            launcher.get().onExit().get(90, TimeUnit.SECONDS);
            out.println("Stopped.");
            return 0;
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            out.println("The launcher (pid " + run.get().pid() + ") has not exited after 90 s; see " + state.logs());
            return 1;
        }
    }
}
