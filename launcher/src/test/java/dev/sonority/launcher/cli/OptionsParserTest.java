package dev.sonority.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionsParserTest {

    @TempDir
    Path dir;

    private OptionsParser parser(Map<String, String> env) {
        return new OptionsParser(env, dir.resolve("repo"));
    }

    @Test
    void upWithDefaults() throws Exception {
        Path music = Files.createDirectory(dir.resolve("music"));
        LauncherOptions options = parser(Map.of()).parse("up", "--music", music.toString());
        assertThat(options.command()).isEqualTo(Command.UP);
        assertThat(options.musicDir()).isEqualTo(music.toRealPath());
        assertThat(options.stateDir()).isEqualTo(dir.resolve("repo/.sonority"));
        assertThat(options.modelsDir()).isEqualTo(dir.resolve("repo/models"));
        assertThat(options.ports()).isEqualTo(new LauncherOptions.ServicePorts(8000, 8001, 8002));
    }

    @Test
    void optionsWinOverEnvironmentWhichWinsOverDefaults() throws Exception {
        Path music = Files.createDirectory(dir.resolve("music"));
        Map<String, String> env = Map.of("MUSIC_DIR", "/nonexistent", "API_PORT", "9000", "WORKER_PORT", "9002",
                "SONORITY_HOME", dir.resolve("home").toString());
        LauncherOptions options = parser(env).parse("up", "--music=" + music, "--port", "9100", "--data", dir.resolve("d").toString());
        assertThat(options.ports()).isEqualTo(new LauncherOptions.ServicePorts(9100, 8001, 9002));
        assertThat(options.stateDir()).isEqualTo(dir.resolve("d"));
        assertThat(parser(env).parse("status").stateDir()).isEqualTo(dir.resolve("home"));
    }

    @Test
    void helpForNoArgumentsAndHelpFlags() {
        assertThat(parser(Map.of()).parse().command()).isEqualTo(Command.HELP);
        assertThat(parser(Map.of()).parse("--help").command()).isEqualTo(Command.HELP);
        assertThat(parser(Map.of()).parse("help").command()).isEqualTo(Command.HELP);
    }

    @Test
    void errorsNameTheProblem() throws Exception {
        Path music = Files.createDirectory(dir.resolve("music"));
        OptionsParser parser = parser(Map.of());
        assertThatThrownBy(() -> parser.parse("upp")).isInstanceOf(UsageException.class).hasMessage("Unknown command 'upp'.");
        assertThatThrownBy(() -> parser.parse("up")).hasMessage("'up' needs the music folder to analyse.");
        assertThatThrownBy(() -> parser.parse("up", "--music", dir.resolve("missing").toString()))
                .hasMessage("The music folder " + dir.resolve("missing") + " does not exist or is not a directory.");
        assertThatThrownBy(() -> parser.parse("up", "--music")).hasMessage("Option --music needs a value.");
        assertThatThrownBy(() -> parser.parse("up", "--music", music.toString(), "--port", "80000"))
                .hasMessage("--port must be a TCP port between 1 and 65535, got '80000'.");
        assertThatThrownBy(() -> parser.parse("up", "--music", music.toString(), "--port", "x"))
                .hasMessage("--port must be a TCP port between 1 and 65535, got 'x'.");
        assertThatThrownBy(() -> parser.parse("up", "--music", music.toString(), "--colour", "red"))
                .hasMessage("Unknown option --colour for 'up'.");
        assertThatThrownBy(() -> parser.parse("status", "--music", music.toString()))
                .hasMessage("Unknown option --music for 'status'.");
        assertThatThrownBy(() -> parser.parse("up", music.toString())).hasMessage("Unexpected argument '" + music + "' for 'up'.");
        assertThatThrownBy(() -> parser.parse("up", "--music", music.toString(), "--port", "8001"))
                .hasMessage("The API, inference and worker ports must differ, got 8001, 8001 and 8002.");
        assertThatThrownBy(() -> new OptionsParser(Map.of("API_PORT", "http"), dir).parse("up", "--music", music.toString()))
                .hasMessage("API_PORT must be a TCP port between 1 and 65535, got 'http'.");
    }
}
