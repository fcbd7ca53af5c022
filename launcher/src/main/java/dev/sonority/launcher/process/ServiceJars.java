package dev.sonority.launcher.process;

import dev.sonority.launcher.LauncherException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Finds a module's executable jar under {@code <module>/target/} (the newest, if several versions are there). */
public final class ServiceJars {

    private ServiceJars() {
    }

    public static Path find(Path projectDir, String module) {
        Path target = projectDir.resolve(module).resolve("target");
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return files.filter(f -> isExecutableJar(f.getFileName().toString(), module))
                    .max(Comparator.comparing(ServiceJars::modified))
                    .orElseThrow(() -> missing(module, target));
        } catch (IOException e) {
            throw missing(module, target);
        }
    }

    static boolean isExecutableJar(String name, String module) {
        return name.startsWith(module + "-") && name.endsWith(".jar") && !name.endsWith("-sources.jar")
                && !name.endsWith("-tests.jar") && !name.endsWith("-javadoc.jar") && !name.endsWith("-plain.jar");
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static LauncherException missing(String module, Path target) {
        return new LauncherException("The " + module + " jar is missing (" + target + "/" + module + "-*.jar).",
                "Build it with ./mvnw -DskipTests install (./sonority up does this by itself).");
    }
}
