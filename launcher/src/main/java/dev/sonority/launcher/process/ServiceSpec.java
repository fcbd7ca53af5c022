package dev.sonority.launcher.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One service to run as a child process.
 *
 * @param name short name for the terminal and the log file, e.g. "api"
 * @param jar the executable jar
 * @param jvmOptions options before {@code -jar}, e.g. {@code -Xmx512m}
 * @param environment variables added to the launcher's own environment
 * @param port the HTTP port it listens on once started
 * @param healthPath a path that answers 200 when it is ready, or null to wait only for the port to open
 * @param logFile where stdout and stderr go
 */
public record ServiceSpec(String name, Path jar, List<String> jvmOptions, Map<String, String> environment, int port,
        String healthPath, Path logFile) {
}
