package dev.sonority.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export FILE} and {@code import FILE [--data DIR]}. */
class LibraryFileOptionsTest {

    @TempDir
    Path dir;

    private OptionsParser parser() {
        return new OptionsParser(Map.of(), dir.resolve("repo"));
    }

    @Test
    void exportAndImportTakeAFileAndTheStateDirectory() throws Exception {
        LauncherOptions export = parser().parse("export", dir.resolve("out.zip").toString(), "--data", dir.resolve("state").toString());
        assertThat(export.command()).isEqualTo(Command.EXPORT);
        assertThat(export.file()).isEqualTo(dir.resolve("out.zip"));
        assertThat(export.stateDir()).isEqualTo(dir.resolve("state"));

        Path file = Files.writeString(dir.resolve("in.zip"), "x");
        LauncherOptions imported = parser().parse("import", file.toString());
        assertThat(imported.command()).isEqualTo(Command.IMPORT);
        assertThat(imported.file()).isEqualTo(file);
        assertThat(imported.stateDir()).isEqualTo(dir.resolve("repo/.sonority"));
    }

    @Test
    void aMissingFileIsAUsageError() {
        assertThatThrownBy(() -> parser().parse("export")).isInstanceOf(UsageException.class)
                .hasMessage("'export' needs the library file.");
        assertThatThrownBy(() -> parser().parse("import", "--data", "x")).hasMessage("'import' needs the library file.");
        assertThatThrownBy(() -> parser().parse("import", dir.resolve("nope.zip").toString()))
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> parser().parse("export", "a.zip", "--port", "1"))
                .hasMessage("Unknown option --port for 'export'.");
    }
}
