package dev.sonority.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds the packaged jar of a service module for the benches that run it as a real process: the one given on
 * the command line, else {@code MODULE/target/MODULE-*.jar} (not the {@code -plain} one) from the project root
 * or from a module folder.
 */
public final class ServiceJars {

    private ServiceJars() {
    }

    /**
     * @param module e.g. {@code inference-service}
     * @param given the jar named by a {@code --MODULE-jar} option, or null
     * @param option that option's name, for the error message
     */
    public static Path find(String module, String given, String option) {
        if (given != null) {
            return Path.of(given);
        }
        for (Path dir : List.of(Path.of(module, "target"), Path.of("..", module, "target"))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, module + "-*.jar")) {
                for (Path jar : jars) {
                    if (!jar.getFileName().toString().endsWith("-plain.jar")) {
                        return jar;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the jars in " + dir.toAbsolutePath(), e);
            }
        }
        throw new IllegalStateException("no " + module + "/target/" + module + "-*.jar: build it with ./mvnw -o -pl "
                + module + " package -DskipTests, or pass " + option);
    }
}
