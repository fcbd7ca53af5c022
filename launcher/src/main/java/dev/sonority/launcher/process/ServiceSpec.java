package dev.sonority.launcher.process;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One service to run as a child process.
 *
 * @param name short name for the terminal and the log file, e.g. "api"
 * @param jar the executable jar
 * @param jvmOptions options before {@code -jar}, e.g. {@code -Xmx512m}
 * @param environment variables added to the launcher's own environment; this spec's own copy, with
 *     {@code BIND_ADDRESS} set from {@code bind} (so a {@code BIND_ADDRESS} the launcher inherited never
 *     reaches a service, and the address it listens on is always the one the launcher checks)
 * @param bind the address it listens on, and so where the launcher reaches it
 * @param port the HTTP port it listens on once started
 * @param healthPath a path that answers 200 when it is ready, or null to wait only for the port to open
 * @param logFile where stdout and stderr go
 */
public record ServiceSpec(String name, Path jar, List<String> jvmOptions, Map<String, String> environment,
        BindAddress bind, int port, String healthPath, Path logFile) {

    public ServiceSpec {
        jvmOptions = List.copyOf(jvmOptions);
        Map<String, String> own = new LinkedHashMap<>(environment);
        own.put("BIND_ADDRESS", bind.value());
        environment = java.util.Collections.unmodifiableMap(own);
    }

    /** {@code http://HOST:PORT} where the launcher reaches the service on this machine. */
    public URI url() {
        return bind.url(port);
    }
}
