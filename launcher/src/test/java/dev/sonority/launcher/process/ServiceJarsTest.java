package dev.sonority.launcher.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonority.launcher.LauncherException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceJarsTest {

    @TempDir
    Path project;

    @Test
    void findsTheExecutableJarAndIgnoresTheOthers() throws Exception {
        Path target = Files.createDirectories(project.resolve("api-service/target"));
        for (String name : new String[] {"api-service-0.1.0-SNAPSHOT-sources.jar", "api-service-0.1.0-SNAPSHOT-tests.jar",
                "api-service-0.1.0-SNAPSHOT.jar.original", "api-service-0.1.0-SNAPSHOT-plain.jar"}) {
            Files.createFile(target.resolve(name));
        }
        assertThatThrownBy(() -> ServiceJars.find(project, "api-service")).isInstanceOf(LauncherException.class)
                .hasMessageContaining("The api-service jar is missing");
        Path jar = Files.createFile(target.resolve("api-service-0.1.0-SNAPSHOT.jar"));
        assertThat(ServiceJars.find(project, "api-service")).isEqualTo(jar);
    }

    @Test
    void aMissingTargetFolderIsAMissingJar() {
        assertThatThrownBy(() -> ServiceJars.find(project, "batch-worker")).isInstanceOf(LauncherException.class)
                .satisfies(e -> assertThat(((LauncherException) e).action()).contains("./mvnw -DskipTests install"));
    }
}
