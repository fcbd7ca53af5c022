package dev.sonority.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonority.launcher.process.BindAddress;
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
        assertThat(options.bind()).isEqualTo(BindAddress.LOOPBACK);
    }

    @Test
    void bindComesFromTheOptionElseBindAddressElseLoopback() throws Exception {
        Path music = Files.createDirectory(dir.resolve("music"));
        assertThat(parser(Map.of("BIND_ADDRESS", "0.0.0.0")).parse("up", "--music", music.toString()).bind().wildcard()).isTrue();
        assertThat(parser(Map.of("BIND_ADDRESS", " ")).parse("up", "--music", music.toString()).bind()).isEqualTo(BindAddress.LOOPBACK);
        Map<String, String> open = Map.of("BIND_ADDRESS", "0.0.0.0");
        assertThat(parser(open).parse("up", "--music", music.toString(), "--bind", "127.0.0.1").bind()).isEqualTo(BindAddress.LOOPBACK);
        assertThat(parser(Map.of()).parse("up", "--music", music.toString(), "--bind=0.0.0.0").bind().value()).isEqualTo("0.0.0.0");
        assertThat(parser(Map.of()).parse("up", "--music", music.toString(), "--bind", "localhost").bind().loopback()).isTrue();
    }

    @Test
    void aBindAddressThatIsNotOfThisMachineIsAUsageError() throws Exception {
        Path music = Files.createDirectory(dir.resolve("music"));
        assertThatThrownBy(() -> parser(Map.of()).parse("up", "--music", music.toString(), "--bind", "192.168.1.500"))
                .isInstanceOf(UsageException.class).hasMessage("--bind: '192.168.1.500' is not an IP address.")
                .satisfies(e -> assertThat(((UsageException) e).action()).contains("127.0.0.1").contains("0.0.0.0"));
        assertThatThrownBy(() -> parser(Map.of("BIND_ADDRESS", "203.0.113.77")).parse("up", "--music", music.toString()))
                .isInstanceOf(UsageException.class).hasMessage("BIND_ADDRESS: '203.0.113.77' is not an address of this machine.");
        assertThatThrownBy(() -> parser(Map.of()).parse("up", "--music", music.toString(), "--bind", "nas.invalid"))
                .hasMessage("--bind: 'nas.invalid' is neither an IP address nor a name that resolves.");
        assertThatThrownBy(() -> parser(Map.of()).parse("up", "--music", music.toString(), "--bind"))
                .hasMessage("Option --bind needs a value.");
        assertThatThrownBy(() -> parser(Map.of()).parse("status", "--bind", "0.0.0.0"))
                .hasMessage("Unknown option --bind for 'status'.");
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
