package dev.sonority.launcher.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code run.json}: which launcher runs on this state directory, and where its API is. Written once the
 * services are up, deleted on a clean stop; a file whose launcher pid is gone is stale.
 *
 * @param pid the launcher's process id ({@code stop} sends it SIGTERM)
 * @param apiUrl e.g. {@code http://127.0.0.1:8000}
 * @param services name to pid of each child service
 * @param startedAt ISO-8601
 * @param restarts name to how often the launcher restarted that service after it died (absent: never)
 */
public record RunFile(long pid, String apiUrl, Map<String, Long> services, String startedAt, Map<String, Integer> restarts) {

    public RunFile {
        restarts = restarts == null ? Map.of() : Map.copyOf(restarts);
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Written to a temporary file and moved into place, so a reader never sees half a file. */
    public void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this));
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The run file, if it exists, is readable and its launcher process is still alive. */
    public static Optional<RunFile> readLive(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            RunFile run = JSON.readValue(Files.readString(file), RunFile.class);
            return ProcessHandle.of(run.pid()).filter(ProcessHandle::isAlive).map(p -> run);
        } catch (IOException | JacksonException e) {
            return Optional.empty();
        }
    }
}
