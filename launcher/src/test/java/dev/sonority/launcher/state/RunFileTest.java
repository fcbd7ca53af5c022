package dev.sonority.launcher.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFileTest {

    @TempDir
    Path dir;

    @Test
    void aLiveRunIsReadBack() throws Exception {
        Path file = dir.resolve("state/run.json");
        RunFile run = new RunFile(ProcessHandle.current().pid(), "http://127.0.0.1:8000", Map.of("api", 12L), "2026-01-01T00:00:00Z", Map.of("worker", 2));
        run.write(file);
        assertThat(RunFile.readLive(file)).contains(run);
    }

    @Test
    void aDeadPidOrGarbageIsNotRunning() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Path file = dir.resolve("run.json");
        new RunFile(finished.pid(), "http://127.0.0.1:8000", Map.of(), "x", null).write(file);
        assertThat(RunFile.readLive(file)).isEmpty();
        Files.writeString(file, "{not json");
        assertThat(RunFile.readLive(file)).isEmpty();
        assertThat(RunFile.readLive(dir.resolve("absent.json"))).isEmpty();
    }
}
