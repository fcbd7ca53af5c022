package dev.sonority.worker.scan;

import dev.sonority.worker.config.WorkerProperties;
import java.nio.file.Path;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Refuses to start a worker whose MUSIC_DIR is missing, not a directory or unreadable (an unmounted volume,
 * a typo): such a worker would report healthy and fail every scan. {@link MusicDirFailureAnalyzer} says what
 * to do. A music root that disappears later fails the tasks that need it instead ({@link MusicRoot#check}).
 */
@Component
class MusicDirCheck implements InitializingBean {

    private final Path configured;

    MusicDirCheck(WorkerProperties properties) {
        this.configured = properties.musicDir();
    }

    @Override
    public void afterPropertiesSet() {
        Path root = configured.toAbsolutePath().normalize();
        MusicRoot.problem(root).ifPresent(reason -> {
            throw new MusicDirUnusableException(root, reason);
        });
    }
}
