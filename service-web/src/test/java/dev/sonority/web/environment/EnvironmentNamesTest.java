package dev.sonority.web.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The documented variables set their properties: below the full names and test properties, above application
 * yaml, looked up when asked (a variable registered late counts), an older name only when the newer is unset or
 * blank; every module's list is read, and a malformed or contradicting one fails the start.
 */
class EnvironmentNamesTest {

    @TempDir
    Path dir;

    @Test
    void aVariableSetsItsPropertyAboveTheYamlAndBelowTheFullName() throws IOException {
        StandardEnvironment environment = environment(Map.of("PUBLIC_URL", "https://env.example"));
        environment.getPropertySources().addLast(new MapPropertySource("Config resource 'application.yaml'",
                Map.of("sonority.web.public-url", "https://yaml.example")));
        postProcess(environment, names("sonority.web.public-url=PUBLIC_URL"));
        assertThat(environment.getProperty("sonority.web.public-url")).isEqualTo("https://env.example");

        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("sonority.web.public-url",
                "https://full.example")));
        assertThat(environment.getProperty("sonority.web.public-url")).isEqualTo("https://full.example");
    }

    @Test
    void aVariableRegisteredAfterStartIsSeenAndNothingIsInventedWhenNoneIsSet() throws IOException {
        StandardEnvironment environment = environment(Map.of());
        postProcess(environment, names("sonority.models.dir=MODELS_DIR"));
        assertThat(environment.getProperty("sonority.models.dir")).isNull();
        environment.getPropertySources().addFirst(new MapPropertySource("dynamic", Map.of("MODELS_DIR", "/late")));
        assertThat(environment.getProperty("sonority.models.dir")).isEqualTo("/late");
    }

    @Test
    void anOlderNameCountsOnlyWhenTheNewerIsUnsetOrBlank() throws IOException {
        ClassLoader names = names("sonority.wait=NEW_WAIT,OLD_WAIT_MS");
        assertThat(valueWith(names, Map.of("OLD_WAIT_MS", "7"))).isEqualTo("7");
        assertThat(valueWith(names, Map.of("NEW_WAIT", "9ms", "OLD_WAIT_MS", "7"))).isEqualTo("9ms");
        assertThat(valueWith(names, Map.of("NEW_WAIT", " ", "OLD_WAIT_MS", "7"))).isEqualTo("7");
        assertThat(valueWith(names, Map.of("NEW_WAIT", ""))).as("a blank value is passed on as it is").isEmpty();
    }

    @Test
    void everyModulesListIsReadAndAContradictionOrATypoFailsTheStart() throws IOException {
        ClassLoader two = loader(file("a", "x.one=ONE"), file("b", "x.two=TWO\nx.one=ONE"));
        assertThat(EnvironmentNames.load(two).variablesByProperty())
                .containsEntry("x.one", List.of("ONE")).containsEntry("x.two", List.of("TWO"));

        ClassLoader contradicting = loader(file("a", "x.one=ONE"), file("b", "x.one=OTHER"));
        assertThatThrownBy(() -> EnvironmentNames.load(contradicting)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("x.one is read from [OTHER], but another module of this application reads it"
                        + " from [ONE]");
        assertThatThrownBy(() -> EnvironmentNames.load(names("x.one=lower_case"))).hasMessageContaining("x.one");
        assertThatThrownBy(() -> EnvironmentNames.load(names("X.One=ONE"))).hasMessageContaining("kebab-case");
    }

    @Test
    void serviceWebsOwnVariablesAreOnItsClassPath() {
        EnvironmentNames names = EnvironmentNames.load(getClass().getClassLoader());
        assertThat(names.variables("sonority.web.allowed-hosts")).containsExactly("ALLOWED_HOSTS");
        assertThat(names.variables("sonority.web.metrics-open")).containsExactly("METRICS_OPEN");
    }

    private String valueWith(ClassLoader names, Map<String, Object> variables) {
        StandardEnvironment environment = environment(variables);
        postProcess(environment, names);
        return environment.getProperty("sonority.wait");
    }

    /** An environment whose operating-system variables are {@code variables}. */
    private static StandardEnvironment environment(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new MapPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        return environment;
    }

    private static void postProcess(StandardEnvironment environment, ClassLoader names) {
        SpringApplication application = new SpringApplication();
        application.setResourceLoader(new org.springframework.core.io.DefaultResourceLoader(names));
        new EnvironmentNamesPostProcessor().postProcessEnvironment(environment, application);
    }

    private ClassLoader names(String lines) throws IOException {
        return loader(file("only", lines));
    }

    private Path file(String module, String lines) throws IOException {
        Path file = dir.resolve(module).resolve(EnvironmentNames.RESOURCE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, lines);
        return dir.resolve(module);
    }

    /** Sees only the given module roots, not service-web's own list. */
    private static ClassLoader loader(Path... roots) throws IOException {
        URL[] urls = new URL[roots.length];
        for (int i = 0; i < roots.length; i++) {
            urls[i] = roots[i].toUri().toURL();
        }
        return new URLClassLoader(urls, null);
    }
}
