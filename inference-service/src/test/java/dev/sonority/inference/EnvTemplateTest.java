package dev.sonority.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every environment variable this service reads is documented in the repository's .env.template. */
class EnvTemplateTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

    @Test
    void everyVariableOfApplicationYamlAndLogFormatIsInEnvTemplate() throws Exception {
        String yaml;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("application.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> variables = new ArrayList<>(List.of("LOG_FORMAT")); // read by LogFormatEnvironmentPostProcessor
        Matcher matcher = PLACEHOLDER.matcher(yaml);
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }
        assertThat(variables).contains("INFERENCE_PORT", "MODELS_DIR");

        String project = System.getProperty("sonority.project.dir");
        assertThat(project).as("sonority.project.dir (run through ./mvnw)").isNotNull();
        List<String> template = Files.readAllLines(Path.of(project, ".env.template"));
        for (String variable : variables) {
            assertThat(template).as(variable + " in .env.template")
                    .anyMatch(line -> line.matches("#?" + variable + "=.*"));
        }
    }
}
