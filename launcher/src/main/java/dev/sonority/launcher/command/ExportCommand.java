package dev.sonority.launcher.command;

import dev.sonority.launcher.LauncherException;
import dev.sonority.launcher.cli.LauncherOptions;
import dev.sonority.launcher.client.ApiException;
import dev.sonority.launcher.client.LibraryTransfer;
import dev.sonority.launcher.progress.ProgressDisplay;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code export FILE}: the running instance's library export, written atomically to FILE (docs/export.md). */
public final class ExportCommand {

    private final LauncherOptions options;
    private final PrintStream out;

    public ExportCommand(LauncherOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public int run() throws InterruptedException {
        Path file = options.file();
        if (file.getParent() != null && !Files.isDirectory(file.getParent())) {
            throw new LauncherException("The folder " + file.getParent() + " does not exist.",
                    "Export into an existing folder.");
        }
        LibraryTransfer library = RunningInstance.library(options);
        LibraryProgress progress = new LibraryProgress(ProgressDisplay.forStdout(), "Exporting", -1);
        try {
            library.export(file, progress);
        } catch (ApiException e) {
            progress.finish("failed");
            throw new LauncherException("The export failed: " + e.getMessage(), "Nothing was written to " + file + ".");
        }
        progress.finish("done");
        out.println("Wrote " + file + ". Import it with ./sonority import " + file.getFileName()
                + " (after a scan of the same music folder).");
        return 0;
    }
}
