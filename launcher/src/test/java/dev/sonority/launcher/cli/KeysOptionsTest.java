package dev.sonority.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeysOptionsTest {

    private static final Path PROJECT = Path.of("/srv/sonority");

    private static KeysOptions parse(Map<String, String> env, String... args) {
        return KeysOptions.parse(args, env, PROJECT);
    }

    @Test
    void addTakesANameAndARole() {
        KeysOptions add = parse(Map.of("SONORITY_ADMIN_KEY", "secret"), "keys", "add", "sola mpd", "--role", "write");
        assertThat(add.action()).isEqualTo(KeysOptions.Action.ADD);
        assertThat(add.argument()).isEqualTo("sola mpd");
        assertThat(add.role()).isEqualTo("write");
        assertThat(add.adminKey()).isEqualTo("secret");
        assertThat(add.api()).isNull();
        assertThat(add.stateDir()).isEqualTo(PROJECT.resolve(".sonority"));
    }

    @Test
    void listAndRevokeTakeTheApiAndTheStateDirectory() {
        KeysOptions list = parse(Map.of("SONORITY_HOME", "/var/lib/sonority"), "keys", "list", "--api",
                "http://192.168.1.5:8000");
        assertThat(list.action()).isEqualTo(KeysOptions.Action.LIST);
        assertThat(list.api()).isEqualTo(URI.create("http://192.168.1.5:8000/"));
        assertThat(list.stateDir()).isEqualTo(Path.of("/var/lib/sonority"));
        assertThat(list.adminKey()).isNull();
        KeysOptions revoke = parse(Map.of(), "keys", "revoke", "k0123456789", "--data", "/tmp/x");
        assertThat(revoke.argument()).isEqualTo("k0123456789");
        assertThat(revoke.stateDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(new OptionsParser(Map.of(), PROJECT).parse("keys", "list").command()).isEqualTo(Command.KEYS);
    }

    @Test
    void mistakesAreUsageErrorsThatSayWhatToType() {
        assertThatThrownBy(() -> parse(Map.of(), "keys")).isInstanceOf(UsageException.class)
                .hasMessageContaining("subcommand");
        assertThatThrownBy(() -> parse(Map.of(), "keys", "remove", "x")).hasMessageContaining("'remove'");
        assertThatThrownBy(() -> parse(Map.of(), "keys", "add", "x")).hasMessageContaining("--role");
        assertThatThrownBy(() -> parse(Map.of(), "keys", "add", "x", "--role", "root")).hasMessageContaining("'root'");
        assertThatThrownBy(() -> parse(Map.of(), "keys", "add", "--role", "read")).hasMessageContaining("one argument");
        assertThatThrownBy(() -> parse(Map.of(), "keys", "revoke")).hasMessageContaining("one argument");
        assertThatThrownBy(() -> parse(Map.of(), "keys", "list", "extra")).hasMessageContaining("no argument");
        assertThatThrownBy(() -> parse(Map.of(), "keys", "list", "--role", "read")).hasMessageContaining("--role");
        assertThatThrownBy(() -> parse(Map.of(), "keys", "list", "--api", "ftp://x")).hasMessageContaining("--api");
        assertThatThrownBy(() -> parse(Map.of(), "keys", "list", "--api")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> parse(Map.of(), "keys", "list", "--colour", "red")).hasMessageContaining("--colour");
    }
}
