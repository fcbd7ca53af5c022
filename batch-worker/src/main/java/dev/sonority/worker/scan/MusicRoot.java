package dev.sonority.worker.scan;

import dev.sonority.worker.jobs.JobFailedException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The music root as jobs need it: absolute, an existing readable directory, or a clear reason why not. */
public final class MusicRoot {

    private MusicRoot() {
    }

    /** @throws JobFailedException naming MUSIC_DIR and what is wrong with it */
    public static Path check(Path configured) {
        Path root = configured.toAbsolutePath().normalize();
        if (!Files.exists(root)) {
            throw new JobFailedException("MUSIC_DIR " + root + " does not exist");
        }
        if (!Files.isDirectory(root)) {
            throw new JobFailedException("MUSIC_DIR " + root + " is not a directory");
        }
        if (!Files.isReadable(root) || !Files.isExecutable(root)) {
            throw new JobFailedException("MUSIC_DIR " + root + " is not readable by this worker");
        }
        return root;
    }
}
