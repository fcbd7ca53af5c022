package dev.sonority.worker.scan;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains an unusable MUSIC_DIR at startup instead of a stack trace. */
class MusicDirFailureAnalyzer extends AbstractFailureAnalyzer<MusicDirUnusableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MusicDirUnusableException cause) {
        return new FailureAnalysis(
                "The batch worker cannot use its music library: " + cause.getMessage() + ".",
                "Set MUSIC_DIR to the folder that holds your music, readable by the user the worker runs as"
                        + " (in Docker it is fixed to /music: set MUSIC_HOST_DIR to the host folder to mount there;"
                        + " with ./sonority up pass --music DIR). Mount the disk first if " + cause.root()
                        + " is on one.",
                cause);
    }
}
