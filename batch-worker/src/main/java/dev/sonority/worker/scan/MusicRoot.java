package dev.sonority.worker.scan;

import dev.sonority.worker.jobs.JobFailedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The music root as jobs need it: absolute, an existing readable directory, or a clear reason why not. */
public final class MusicRoot {

    private MusicRoot() {
    }

    /** @throws JobFailedException naming MUSIC_DIR and what is wrong with it */
    public static Path check(Path configured) {
        Path root = configured.toAbsolutePath().normalize();
        problem(root).ifPresent(reason -> {
            throw new JobFailedException(reason);
        });
        return root;
    }

    /** What is wrong with the music root, e.g. "MUSIC_DIR /music does not exist"; empty when it is usable. */
    static Optional<String> problem(Path root) {
        if (!Files.exists(root)) {
            return Optional.of("MUSIC_DIR " + root + " does not exist");
        }
        if (!Files.isDirectory(root)) {
            return Optional.of("MUSIC_DIR " + root + " is not a directory");
        }
        if (!Files.isReadable(root) || !Files.isExecutable(root)) {
            return Optional.of("MUSIC_DIR " + root + " is not readable by this worker");
        }
        return Optional.empty();
    }
}
