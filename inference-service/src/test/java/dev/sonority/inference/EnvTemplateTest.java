package dev.sonority.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.web.environment.EnvironmentNames;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every environment variable a service reads is documented in the repository's .env.template: those every
 * module lists in its {@link EnvironmentNames#RESOURCE} (this module's own are on its class path, the others are
 * read from their source folders), plus the two read by service-web's post-processors directly.
 */
class EnvTemplateTest {

    @Test
    void everyVariableOfEveryModuleIsInEnvTemplate() throws Exception {
        List<String> variables = new ArrayList<>(List.of("LOG_FORMAT", "BIND_ADDRESS"));
        Path project = project();
        try (Stream<Path> modules = Files.list(project)) {
            for (Path file : modules.map(m -> m.resolve("src/main/resources").resolve(EnvironmentNames.RESOURCE))
                    .filter(Files::isRegularFile).toList()) {
                variables.addAll(variables(file));
            }
        }
        assertThat(variables).as("variables of common-model, service-web and the three services")
                .contains("DATABASE_URL", "ALLOWED_HOSTS", "API_PORT", "MUSIC_DIR", "INFERENCE_PORT", "MODELS_DIR");
        assertThat(EnvironmentNames.load(getClass().getClassLoader()).variables("sonority.models.dir"))
                .as("this module's list is packed into its jar").containsExactly("MODELS_DIR");

        List<String> template = Files.readAllLines(project.resolve(".env.template"));
        for (String variable : variables) {
            assertThat(template).as(variable + " in .env.template")
                    .anyMatch(line -> line.matches("#? ?" + variable + "=.*"));
        }
    }

    static Path project() {
        String project = System.getProperty("sonority.project.dir");
        assertThat(project).as("sonority.project.dir (run through ./mvnw)").isNotNull();
        return Path.of(project);
    }

    private static List<String> variables(Path file) throws IOException {
        Properties names = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            names.load(in);
        }
        return names.stringPropertyNames().stream()
                .flatMap(property -> Stream.of(names.getProperty(property).split(",")).map(String::strip)).toList();
    }
}
