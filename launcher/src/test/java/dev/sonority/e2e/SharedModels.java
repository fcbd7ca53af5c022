package dev.sonority.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The real model files of {@code ../shared/models}, copied where a test's inference-service reads them. */
final class SharedModels {

    private SharedModels() {
    }

    /** Copies MusiCNN's weights and manifest files into {@code target}. */
    static void installMusicnn(Path target) throws IOException {
        Path source = Path.of(System.getProperty("sonority.project.dir")).resolve("../shared/models/musicnn");
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName().toString()));
            }
        }
    }
}
