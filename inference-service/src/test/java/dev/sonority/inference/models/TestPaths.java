package dev.sonority.inference.models;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository and ../shared, as the build passes them (sonority.project.dir, sonority.shared.dir). */
final class TestPaths {

    private TestPaths() {
    }

    static Path project() {
        return dir("sonority.project.dir", "the repository root");
    }

    /** ../shared/models/musicnn: the real MusiCNN files (not committed; CI places shared/ beside the clone). */
    static Path sharedMusicnn() {
        return dir("sonority.shared.dir", "../shared (real model weights)").resolve("models/musicnn");
    }

    private static Path dir(String property, String what) {
        String value = System.getProperty(property);
        assertTrue(value != null && Files.isDirectory(Path.of(value)),
                "system property " + property + " must name " + what + ", got " + value + " (run through ./mvnw)");
        return Path.of(value).toAbsolutePath().normalize();
    }
}
