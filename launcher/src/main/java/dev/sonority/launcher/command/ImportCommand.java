package dev.sonority.launcher.command;

import dev.sonority.launcher.LauncherException;
import dev.sonority.launcher.cli.LauncherOptions;
import dev.sonority.launcher.client.ApiException;
import dev.sonority.launcher.client.LibraryTransfer;
import dev.sonority.launcher.progress.ProgressDisplay;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import tools.jackson.databind.JsonNode;

/**
 * {@code import FILE}: sends an export to the running instance, which checks it whole before writing anything
 * and imports the songs its scan found unchanged.
 */
public final class ImportCommand {

    private final LauncherOptions options;
    private final PrintStream out;

    public ImportCommand(LauncherOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public int run() throws InterruptedException {
        LibraryTransfer library = RunningInstance.library(options);
        long size;
        try {
            size = Files.size(options.file());
        } catch (IOException e) {
            throw new LauncherException("Cannot read " + options.file() + ": " + e.getMessage(), "");
        }
        LibraryProgress progress = new LibraryProgress(ProgressDisplay.forStdout(), "Importing", size);
        JsonNode report;
        try {
            report = library.importFile(options.file(), progress);
        } catch (ApiException e) {
            progress.finish("refused");
            throw new LauncherException("The import failed: " + e.getMessage(), "");
        }
        progress.finish("done");
        out.printf("Imported %d songs; skipped %d whose file changed and %d not in this library (run a scan first);"
                        + " %d playlists added, %d already here.%n", report.path("songs_imported").asLong(),
                report.path("songs_skipped_changed").asLong(), report.path("songs_skipped_missing").asLong(),
                report.path("playlists_imported").asLong(), report.path("playlists_skipped").asLong());
        return 0;
    }
}
