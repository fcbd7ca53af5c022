package dev.sonority.e2e;

import static dev.sonority.e2e.ServiceHttp.jar;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.sonority.launcher.infra.EmbeddedDatabase;
import dev.sonority.testing.FreePorts;
import dev.sonority.testing.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * One Sonority installation whose every part can be killed with SIGKILL and started again on the same ports,
 * data and environment: embedded PostgreSQL (zonky, its own data directory and port, never the machine's),
 * the launcher's embedded broker in a JVM of its own ({@link StandaloneBroker}, Derby store in its work
 * directory), and the three packaged services with short heartbeats so that recovery is quick.
 */
final class FaultInstallation implements AutoCloseable {

    static final String QUEUE_PREFIX = "sonority";
    private static final Duration START_WITHIN = Duration.ofMinutes(4);

    private final Path root;
    private final Path project = Path.of(System.getProperty("sonority.project.dir"));
    private final int databasePort = FreePorts.pick();
    private final int amqpPort = FreePorts.pick();
    private final Map<Part, Integer> httpPorts = new EnumMap<>(Part.class);
    private final Map<Part, ServiceProcess> processes = new EnumMap<>(Part.class);
    private final Map<String, String> environment = new HashMap<>();
    private EmbeddedDatabase database;

    private FaultInstallation(Path root) {
        this.root = root;
        for (Part service : List.of(Part.API, Part.INFERENCE, Part.WORKER)) {
            httpPorts.put(service, FreePorts.pick());
        }
    }

    /** Starts everything, the API first (it applies the migrations), and returns once every part answers. */
    static FaultInstallation start(Path root) throws Exception {
        FaultInstallation installation = new FaultInstallation(root);
        try {
            installation.configure();
            for (Part part : List.of(Part.POSTGRES, Part.BROKER, Part.API, Part.INFERENCE, Part.WORKER)) {
                installation.startPart(part);
            }
            return installation;
        } catch (Exception | Error e) {
            installation.close();
            throw e;
        }
    }

    private void configure() throws IOException {
        Files.createDirectories(musicDir());
        Files.createDirectories(root.resolve("logs"));
        SharedModels.installMusicnn(root.resolve("models/musicnn"));
        environment.put("DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + databasePort + "/" + EmbeddedDatabase.DATABASE);
        environment.put("DATABASE_USERNAME", "postgres");
        environment.put("DATABASE_PASSWORD", "");
        environment.put("RABBITMQ_URL", amqpUrl());
        environment.put("SONORITY_QUEUE_PREFIX", QUEUE_PREFIX);
        environment.put("MUSIC_DIR", musicDir().toString());
        environment.put("MODELS_DIR", root.resolve("models").toString());
        environment.put("API_PORT", Integer.toString(httpPorts.get(Part.API)));
        environment.put("INFERENCE_PORT", Integer.toString(httpPorts.get(Part.INFERENCE)));
        environment.put("WORKER_PORT", Integer.toString(httpPorts.get(Part.WORKER)));
        environment.put("INFERENCE_URL", "http://127.0.0.1:" + httpPorts.get(Part.INFERENCE));
        // the matrix polls similar for every analysed song and model twice a second: past the default rate limit
        environment.put("RATE_LIMIT_PER_MINUTE", "0");
        // a dead worker's task and song claims are taken over after 4 s instead of 60 s
        environment.put("TASK_HEARTBEAT", "1s");
        environment.put("TASK_STALE_AFTER", "4s");
        environment.put("ANALYZE_BATCH_SIZE", "2");
        // index events published while the broker is down are lost by design (the API's event queue is not
        // durable); the API's periodic reconcile catches them up, every 10 s here instead of every 5 min
        environment.put("INDEX_RECONCILE_INTERVAL", "10s");
    }

    Path musicDir() {
        return root.resolve("music");
    }

    String api() {
        return "http://127.0.0.1:" + httpPorts.get(Part.API);
    }

    String amqpUrl() {
        return "amqp://guest:guest@127.0.0.1:" + amqpPort;
    }

    /** A client opening a new connection per statement, so it works again as soon as PostgreSQL is back. */
    JdbcClient jdbc() {
        return JdbcClient.create(new DriverManagerDataSource(environment.get("DATABASE_URL"), "postgres", ""));
    }

    /** SIGKILL to the part; returns once it is dead (for PostgreSQL: once it could be started again). */
    void kill(Part part) throws Exception {
        if (part == Part.POSTGRES) {
            Postmaster.kill(databaseDir(), START_WITHIN);
            database.close(); // zonky's handle: its pg_ctl stop finds no server (logged), then it unlocks the directory
            database = null;
        } else {
            processes.remove(part).kill();
        }
    }

    /** Starts a killed part again with the same environment, port and data; returns once it answers. */
    void restart(Part part) throws Exception {
        startPart(part);
    }

    private void startPart(Part part) throws Exception {
        switch (part) {
            case POSTGRES -> database = EmbeddedDatabase.start(databaseDir(), log("postgres"), databasePort, START_WITHIN);
            case BROKER -> {
                ServiceProcess broker = ServiceProcess.startMain(StandaloneBroker.class,
                        List.of(root.resolve("broker").toString(), Integer.toString(amqpPort), QUEUE_PREFIX), Map.of(),
                        log("broker"));
                processes.put(part, broker);
                broker.awaitReady("accepting AMQP clients", this::brokerAccepts, START_WITHIN);
            }
            case API -> startService(part, "api-service", List.of("-Xmx512m", "--add-modules", "jdk.incubator.vector"),
                    "/health");
            case INFERENCE -> startService(part, "inference-service", List.of("-Xmx512m"), "/actuator/health");
            case WORKER -> startService(part, "batch-worker", List.of("-Xmx512m"), "/actuator/health/readiness");
        }
    }

    private void startService(Part part, String module, List<String> jvm, String health) throws Exception {
        ServiceProcess process = ServiceProcess.start(jar(project, module), jvm, environment, log(module));
        processes.put(part, process);
        process.awaitHealthy("http://127.0.0.1:" + httpPorts.get(part) + health, START_WITHIN);
    }

    private boolean brokerAccepts() {
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(amqpUrl());
            factory.setAutomaticRecoveryEnabled(false);
            try (Connection ignored = factory.newConnection("fault-matrix-probe")) {
                return true;
            }
        } catch (Exception e) {
            return false;
        }
    }

    private Path databaseDir() {
        return root.resolve("postgres");
    }

    Path log(String name) {
        return root.resolve("logs").resolve(name + ".log");
    }

    /** Copies every part's log into {@code target} (the temporary directory goes with the run). */
    void keepLogs(Path target) throws IOException {
        Files.createDirectories(target);
        try (var logs = Files.list(root.resolve("logs"))) {
            for (Path log : logs.toList()) {
                Files.copy(log, target.resolve(log.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** The last lines of every part's log, for a failure message. */
    String tails() {
        StringBuilder out = new StringBuilder();
        processes.forEach((part, process) -> out.append("\n--- ").append(part.label()).append(" ---\n")
                .append(process.tail()));
        return out.toString();
    }

    @Override
    public void close() throws Exception {
        for (Part part : List.of(Part.WORKER, Part.INFERENCE, Part.API, Part.BROKER)) {
            ServiceProcess process = processes.remove(part);
            if (process != null) {
                process.close();
            }
        }
        if (database != null) {
            database.close();
        }
    }
}
