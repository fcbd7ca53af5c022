package dev.sonority.launcher.command;

import dev.sonority.launcher.infra.BrokerEndpoint;
import dev.sonority.launcher.infra.DatabaseEndpoint;
import dev.sonority.launcher.infra.EmbeddedBroker;
import dev.sonority.launcher.infra.EmbeddedDatabase;
import dev.sonority.launcher.state.StateDir;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/**
 * PostgreSQL and the broker: the real ones when {@code DATABASE_URL} / {@code RABBITMQ_URL} are set, else
 * embedded ones in the state directory. Closing stops only what it started, broker first.
 */
final class Infrastructure implements AutoCloseable {

    private final Map<String, String> env;
    private final StateDir state;
    private final PrintStream out;
    private EmbeddedDatabase embeddedDatabase;
    private EmbeddedBroker embeddedBroker;
    private DatabaseEndpoint database;
    private BrokerEndpoint broker;

    Infrastructure(Map<String, String> env, StateDir state, PrintStream out) {
        this.env = env;
        this.state = state;
        this.out = out;
    }

    synchronized void start() {
        long start = System.nanoTime();
        String url = env.get("DATABASE_URL");
        if (url != null && !url.isBlank()) {
            database = new DatabaseEndpoint(url, env.getOrDefault("DATABASE_USERNAME", "sonority"),
                    env.getOrDefault("DATABASE_PASSWORD", ""), "PostgreSQL at " + url + " (DATABASE_URL)");
        } else {
            embeddedDatabase = EmbeddedDatabase.start(state.postgresData(), state.log("postgres"), 0, Duration.ofSeconds(60));
            database = embeddedDatabase.endpoint();
        }
        out.printf("  database: %s%s%n", database.description(), took(start));
        start = System.nanoTime();
        String amqp = env.get("RABBITMQ_URL");
        if (amqp != null && !amqp.isBlank()) {
            broker = new BrokerEndpoint(amqp, "broker at " + amqp.replaceAll("//[^@/]*@", "//") + " (RABBITMQ_URL)");
        } else {
            embeddedBroker = EmbeddedBroker.start(state.brokerWork(), 0, env.getOrDefault("SONORITY_QUEUE_PREFIX", "sonority"));
            broker = embeddedBroker.endpoint();
        }
        out.printf("  broker:   %s%s%n", broker.description(), took(start));
    }

    DatabaseEndpoint database() {
        return database;
    }

    BrokerEndpoint broker() {
        return broker;
    }

    @Override
    public synchronized void close() {
        if (embeddedBroker != null) {
            try {
                embeddedBroker.close();
                out.println("  stopped embedded broker");
            } catch (RuntimeException e) {
                out.println("  embedded broker did not stop cleanly: " + e + " (see " + state.log("broker") + ")");
            }
            embeddedBroker = null;
        }
        if (embeddedDatabase != null) {
            try {
                embeddedDatabase.close();
                out.println("  stopped embedded PostgreSQL");
            } catch (Exception e) {
                out.println("  embedded PostgreSQL did not stop cleanly: " + e.getMessage() + " (see " + state.log("postgres") + ")");
            }
            embeddedDatabase = null;
        }
    }

    private static String took(long startNanos) {
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        return millis >= 500 ? String.format(" (%.1f s)", millis / 1000.0) : "";
    }
}
