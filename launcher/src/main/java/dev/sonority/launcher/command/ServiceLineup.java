package dev.sonority.launcher.command;

import dev.sonority.launcher.cli.LauncherOptions;
import dev.sonority.launcher.infra.BrokerEndpoint;
import dev.sonority.launcher.infra.DatabaseEndpoint;
import dev.sonority.launcher.infra.FreePorts;
import dev.sonority.launcher.process.BindAddress;
import dev.sonority.launcher.process.ServiceJars;
import dev.sonority.launcher.process.ServiceSpec;
import dev.sonority.launcher.state.StateDir;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The three services with the environment of the runtime contract (docs/configuration.md): where the database,
 * broker, music and models are, which ports to use, and which address to listen on. Everything else
 * (WORKER_CONCURRENCY, LOG_FORMAT, ...) the children inherit from the launcher's own environment.
 *
 * <p>Only the API listens where {@code --bind} says. inference-service and batch-worker always listen on
 * loopback: the API is the one door the network may be given, and they are reached only by the API and the
 * worker on this machine (INFERENCE_URL is loopback too).
 */
final class ServiceLineup {

    private static final List<String> COMMON_JVM = List.of("-XX:+ExitOnOutOfMemoryError", "--enable-native-access=ALL-UNNAMED");
    /** Where inference-service and batch-worker listen, whatever --bind says. */
    private static final BindAddress BACKEND_BIND = BindAddress.LOOPBACK;

    private final LauncherOptions options;
    private final StateDir state;
    private final Map<String, String> environment;

    ServiceLineup(LauncherOptions options, StateDir state, DatabaseEndpoint database, BrokerEndpoint broker,
            Map<String, String> launcherEnvironment) {
        this.options = options;
        this.state = state;
        this.environment = environment(options, database, broker, launcherEnvironment);
    }

    /**
     * {@code up}'s INFERENCE_WINDOWS unless the user sets one: the fastest setting whose MusiCNN neighbour lists
     * keep overlap@10 >= 0.9 with every patch ({@code bench musicnn-windows}: 8 windows, 0.907 at 0.13x the
     * core-seconds; 16: 0.930; 4: 0.882). docs/benchmarks.md has the table.
     */
    static final String UP_INFERENCE_WINDOWS = "8";

    /** The variables every service gets, on top of the inherited environment; each spec adds its BIND_ADDRESS. */
    static Map<String, String> environment(LauncherOptions options, DatabaseEndpoint database, BrokerEndpoint broker,
            Map<String, String> launcherEnvironment) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DATABASE_URL", database.jdbcUrl());
        env.put("DATABASE_USERNAME", database.username());
        env.put("DATABASE_PASSWORD", database.password());
        env.put("RABBITMQ_URL", broker.amqpUrl());
        env.put("MUSIC_DIR", options.musicDir().toString());
        env.put("MODELS_DIR", options.modelsDir().toString());
        env.put("API_PORT", Integer.toString(options.ports().api()));
        env.put("INFERENCE_PORT", Integer.toString(options.ports().inference()));
        env.put("WORKER_PORT", Integer.toString(options.ports().worker()));
        env.put("INFERENCE_URL", BACKEND_BIND.url(options.ports().inference()).toString());
        if (!launcherEnvironment.containsKey("INFERENCE_WINDOWS")) {
            env.put("INFERENCE_WINDOWS", UP_INFERENCE_WINDOWS);
        }
        if (!utf8Locale(launcherEnvironment)) {
            env.put("LC_ALL", "C.UTF-8"); // else the JVM decodes non-ASCII file names as '?'
        }
        return env;
    }

    private static boolean utf8Locale(Map<String, String> env) {
        for (String name : List.of("LC_ALL", "LC_CTYPE", "LANG")) {
            String value = env.get(name);
            if (value != null && !value.isEmpty()) {
                String lower = value.toLowerCase(Locale.ROOT);
                return lower.contains("utf-8") || lower.contains("utf8");
            }
        }
        return false;
    }

    /** api-service first: it applies the Flyway migrations the others expect. */
    ServiceSpec api() {
        // the vector module gives the embedded vector index (Lucene) its SIMD dot products
        return spec("api", "api-service", "-Xmx768m", options.bind(), options.ports().api(), "/health",
                "--add-modules", "jdk.incubator.vector");
    }

    /** inference-service, then the batch-worker that calls it; both are ready once their port opens. */
    List<ServiceSpec> backends() {
        return List.of(spec("inference", "inference-service", "-Xmx1g", BACKEND_BIND, options.ports().inference(), null),
                spec("worker", "batch-worker", "-Xmx512m", BACKEND_BIND, options.ports().worker(), null));
    }

    /** Fails if another program holds a service's port on the address that service will bind, before anything is started. */
    static void requireFreePorts(LauncherOptions options) {
        FreePorts.requireFree(options.bind().address(), options.ports().api(), "the API port (--port / API_PORT)");
        FreePorts.requireFree(BACKEND_BIND.address(), options.ports().inference(), "the inference port (--inference-port / INFERENCE_PORT)");
        FreePorts.requireFree(BACKEND_BIND.address(), options.ports().worker(), "the worker port (--worker-port / WORKER_PORT)");
    }

    /** Fails with the build hint if any jar is missing, before anything is started. */
    static void requireJars(Path projectDir) {
        for (String module : List.of("api-service", "inference-service", "batch-worker")) {
            ServiceJars.find(projectDir, module);
        }
    }

    private ServiceSpec spec(String name, String module, String heap, BindAddress bind, int port, String healthPath,
            String... extraJvm) {
        Path jar = ServiceJars.find(options.projectDir(), module);
        List<String> jvm = new java.util.ArrayList<>(COMMON_JVM);
        jvm.addFirst(heap);
        jvm.addAll(List.of(extraJvm));
        return new ServiceSpec(name, jar, jvm, environment, bind, port, healthPath, state.log(name));
    }
}
