package dev.sonority.launcher.command;

import dev.sonority.launcher.LauncherException;
import dev.sonority.launcher.cli.KeysOptions;
import dev.sonority.launcher.cli.LauncherOptions;
import dev.sonority.launcher.client.LibraryTransfer;
import java.net.URI;
import dev.sonority.launcher.state.RunFile;
import dev.sonority.launcher.state.StateDir;

/** The instance that {@code ./sonority up} runs on the state directory, for commands that need its API. */
final class RunningInstance {

    private RunningInstance() {
    }

    /** The running instance's library export and import, with the admin key of the environment when set. */
    static LibraryTransfer library(LauncherOptions options) {
        return new LibraryTransfer(URI.create(of(options).apiUrl()), System.getenv(KeysOptions.ADMIN_KEY_VARIABLE));
    }

    static RunFile of(LauncherOptions options) {
        StateDir state = new StateDir(options.stateDir());
        return RunFile.readLive(state.runFile()).orElseThrow(() -> new LauncherException(
                "Sonority is not running on " + options.stateDir() + " (no live " + state.runFile() + ").",
                "Start it first: ./sonority up --music /path/to/music (or pass --data DIR)."));
    }
}
