package dev.sonority.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One home for each default: no yaml or properties file under any module's src/main/resources reads an
 * environment variable ({@code ${MUSIC_DIR}}) or repeats a default ({@code ${NAME:value}}). Variables are mapped
 * by each module's META-INF/sonority/environment-names.properties (service-web's EnvironmentNames); Sonority's
 * defaults are on the {@code @ConfigurationProperties} records, Spring Boot's own are plain values in the yaml.
 */
class NoDefaultsInYamlTest {

    /** A placeholder with a default, or one naming an environment variable (upper case). */
    private static final Pattern FORBIDDEN = Pattern.compile("\\$\\{(?:[^}:]*:[^}]*|[A-Z][A-Z0-9_]*)}");

    @Test
    void noMainResourceReadsAVariableOrRepeatsADefault() throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> checked = new ArrayList<>();
        try (Stream<Path> modules = Files.list(EnvTemplateTest.project())) {
            for (Path resources : modules.map(m -> m.resolve("src/main/resources")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.walk(resources)) {
                    for (Path file : files.filter(NoDefaultsInYamlTest::isSettings).toList()) {
                        checked.add(file);
                        found.addAll(placeholders(file));
                    }
                }
            }
        }
        assertThat(checked).as("application.yaml of the three services, sonority-database.yaml").hasSizeGreaterThan(3);
        assertThat(found).as("move the variable to the module's META-INF/sonority/environment-names.properties and"
                + " the default to its @ConfigurationProperties record (Spring Boot's own: a plain value)").isEmpty();
    }

    @Test
    void recognisesDefaultsAndVariablesButNotPlainReferences() {
        assertThat(FORBIDDEN.matcher("port: ${API_PORT:8000}").find()).isTrue();
        assertThat(FORBIDDEN.matcher("dir: ${INDEX_SNAPSHOT_DIR:}").find()).isTrue();
        assertThat(FORBIDDEN.matcher("max-wait: ${INFERENCE_BATCH_WAIT_MS}").find()).isTrue();
        assertThat(FORBIDDEN.matcher("x: ${sonority.other:5s}").find()).isTrue();
        assertThat(FORBIDDEN.matcher("name: ${spring.application.name}").find()).isFalse();
        assertThat(FORBIDDEN.matcher("port: 8000").find()).isFalse();
    }

    private static boolean isSettings(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml")
                || (name.endsWith(".properties") && !name.equals("environment-names.properties")));
    }

    private static List<String> placeholders(Path file) throws IOException {
        List<String> found = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            Matcher matcher = FORBIDDEN.matcher(lines.get(i));
            while (matcher.find()) {
                found.add(file + ":" + (i + 1) + ": " + matcher.group());
            }
        }
        return found;
    }
}
