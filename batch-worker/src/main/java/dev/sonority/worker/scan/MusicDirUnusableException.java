package dev.sonority.worker.scan;

import java.nio.file.Path;

/** The worker's MUSIC_DIR cannot be used at startup; the message says why. */
class MusicDirUnusableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path root;

    MusicDirUnusableException(Path root, String reason) {
        super(reason);
        this.root = root;
    }

    Path root() {
        return root;
    }
}
