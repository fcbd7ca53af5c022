package dev.sonority.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code models pull NAME [--models DIR] [--inference-port N] [--data DIR]}. */
class ModelsOptionsTest {

    private final Path repo = Path.of("/repo");

    @Test
    void pullTakesTheModelAndTheModelsDirFromOptionOrEnvironment() {
        LauncherOptions defaults = new OptionsParser(Map.of(), repo).parse("models", "pull", "clap");
        assertThat(defaults.command()).isEqualTo(Command.MODELS);
        assertThat(defaults.model()).isEqualTo("clap");
        assertThat(defaults.modelsDir()).isEqualTo(Path.of("/repo/models"));
        assertThat(defaults.ports().inference()).isEqualTo(8001);

        LauncherOptions env = new OptionsParser(Map.of("MODELS_DIR", "/m", "INFERENCE_PORT", "9001"), repo)
                .parse("models", "pull", "mert");
        assertThat(env.modelsDir()).isEqualTo(Path.of("/m"));
        assertThat(env.ports().inference()).isEqualTo(9001);

        LauncherOptions flags = new OptionsParser(Map.of("MODELS_DIR", "/m"), repo)
                .parse("models", "pull", "muq", "--models", "/x", "--inference-port=9100", "--data", "/d");
        assertThat(flags.modelsDir()).isEqualTo(Path.of("/x"));
        assertThat(flags.ports().inference()).isEqualTo(9100);
        assertThat(flags.stateDir()).isEqualTo(Path.of("/d"));
    }

    @Test
    void aMissingNameOrSubcommandIsAUsageError() {
        OptionsParser parser = new OptionsParser(Map.of(), repo);
        assertThatThrownBy(() -> parser.parse("models")).isInstanceOf(UsageException.class)
                .hasMessageContaining("'models' needs a subcommand and a model name");
        assertThatThrownBy(() -> parser.parse("models", "pull")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> parser.parse("models", "push", "clap")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> parser.parse("models", "pull", "clap", "--music", "/x"))
                .isInstanceOf(UsageException.class).hasMessageContaining("Unknown option --music");
    }

    @Test
    void acceptLicenceIsAFlagOrTheEnvironmentAndModelsDirNamesTheFolder() {
        LauncherOptions flag = new OptionsParser(Map.of(), repo)
                .parse("models", "pull", "musicnn", "--accept-licence", "--models-dir", "/y");
        assertThat(flag.acceptLicence()).isTrue();
        assertThat(flag.modelsDir()).isEqualTo(Path.of("/y"));
        assertThat(new OptionsParser(Map.of("MODELS_ACCEPT_LICENCE", "true"), repo).parse("models", "pull", "musicnn")
                .acceptLicence()).isTrue();
        assertThat(new OptionsParser(Map.of(), repo).parse("models", "pull", "musicnn").acceptLicence()).isFalse();
    }

    @Test
    void upModelsNamesTheModelsToDownloadAndRefusesAFolder(@org.junit.jupiter.api.io.TempDir Path music) {
        OptionsParser parser = new OptionsParser(Map.of(), repo);
        LauncherOptions up = parser.parse("up", "--music", music.toString(), "--models", "musicnn,clap",
                "--models-dir", "/w", "--accept-licence");
        assertThat(up.pull()).containsExactly("musicnn", "clap");
        assertThat(up.modelsDir()).isEqualTo(Path.of("/w"));
        assertThat(up.acceptLicence()).isTrue();

        LauncherOptions none = parser.parse("up", "--music", music.toString());
        assertThat(none.pull()).isEmpty(); // without --models nothing is downloaded
        assertThat(none.acceptLicence()).isFalse();

        assertThatThrownBy(() -> parser.parse("up", "--music", music.toString(), "--models", "/srv/models"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--models takes model names separated by commas");
    }
}
