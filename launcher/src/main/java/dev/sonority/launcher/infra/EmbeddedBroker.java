package dev.sonority.launcher.infra;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.sonority.launcher.LauncherException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener;
import org.apache.qpid.server.model.SystemConfig;
import org.slf4j.LoggerFactory;

/**
 * Apache Qpid Broker-J in this JVM, speaking AMQP 0-9-1 on 127.0.0.1 with user guest/guest (PLAIN without
 * TLS), so the services use their ordinary RabbitMQ client and Spring AMQP code. See {@link BrokerConfig}
 * for how RabbitMQ's dead-lettering is mapped onto Qpid.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private final SystemLauncher launcher;
    private final BrokerEndpoint endpoint;

    private EmbeddedBroker(SystemLauncher launcher, BrokerEndpoint endpoint) {
        this.launcher = launcher;
        this.endpoint = endpoint;
    }

    /**
     * Starts the broker and declares the dead-letter exchange the job queues refer to (it must exist before
     * the first of them is declared).
     *
     * @param workDir the broker's directory; its Derby message store is {@code workDir/store}
     * @param port the AMQP port, 0 for a free one
     * @param queuePrefix the services' {@code SONORITY_QUEUE_PREFIX}
     */
    public static EmbeddedBroker start(Path workDir, int port, String queuePrefix) {
        int chosen = port == 0 ? FreePorts.pick() : port;
        String deadLetterExchange = queuePrefix + ".dlx";
        AtomicReference<SystemConfig<?>> system = new AtomicReference<>();
        SystemLauncher launcher = new SystemLauncher(new SystemLauncherListener.DefaultSystemLauncherListener() {
            @Override
            public void onContainerResolve(SystemConfig<?> config) {
                system.set(config);
            }
        });
        try {
            Files.createDirectories(workDir);
            Path config = workDir.resolve("initial-config.json");
            Files.writeString(config, BrokerConfig.json(chosen, workDir.resolve("store")));
            System.setProperty("derby.stream.error.file", workDir.resolve("derby.log").toString());
            Map<String, Object> attributes = new HashMap<>();
            attributes.put("type", "Memory");
            attributes.put("initialConfigurationLocation", config.toUri().toString());
            attributes.put("startupLoggedToSystemOut", false);
            attributes.put("context", Map.of("qpid.work_dir", workDir.toString()));
            launcher.startup(attributes);
            removeBrokerShutdownHook(system.get());
        } catch (Exception e) {
            launcher.shutdown();
            throw new LauncherException("The embedded AMQP broker did not start: " + e.getMessage(),
                    "See logs/broker.log in the state directory; its store is " + workDir.resolve("store") + ".", e);
        }
        String url = "amqp://" + BrokerConfig.USER + ":" + BrokerConfig.PASSWORD + "@127.0.0.1:" + chosen;
        try {
            declareDeadLetterExchange(url, deadLetterExchange);
        } catch (Exception e) {
            launcher.shutdown();
            throw new LauncherException("The embedded AMQP broker started but refused a client on port " + chosen
                    + ": " + e.getMessage(), "See logs/broker.log in the state directory.", e);
        }
        return new EmbeddedBroker(launcher, new BrokerEndpoint(url,
                "embedded AMQP broker (Qpid Broker-J) on 127.0.0.1:" + chosen));
    }

    public BrokerEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        launcher.shutdown();
    }

    /**
     * Qpid's broker adds a JVM shutdown hook of its own, which would stop it while the services are still
     * finishing their work on Ctrl-C; the launcher stops the broker itself, after them. The hook sits in a
     * private field, so this is reflection on Qpid internals: if they change, the hook simply stays.
     */
    private static void removeBrokerShutdownHook(SystemConfig<?> system) {
        if (system == null || system.getContainer() == null) {
            return;
        }
        Object broker = system.getContainer();
        for (Class<?> type = broker.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField("_shutdownHook");
                field.setAccessible(true);
                if (field.get(broker) instanceof Thread hook && Runtime.getRuntime().removeShutdownHook(hook)) {
                    return;
                }
                break;
            } catch (NoSuchFieldException e) {
                // declared further up
            } catch (ReflectiveOperationException | RuntimeException e) {
                break;
            }
        }
        LoggerFactory.getLogger(EmbeddedBroker.class).warn("Qpid's shutdown hook stays: no _shutdownHook in {}", broker.getClass());
    }

    /** Same arguments as {@code JobQueueDeclarations} (durable fanout, not auto-delete), so redeclaring it agrees. */
    private static void declareDeadLetterExchange(String url, String name) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(url);
        factory.setAutomaticRecoveryEnabled(false);
        try (Connection connection = factory.newConnection("sonority-launcher"); Channel channel = connection.createChannel()) {
            channel.exchangeDeclare(name, "fanout", true, false, null);
        } catch (IOException e) {
            throw new IOException(e.getCause() != null ? e.getCause().getMessage() : e.getMessage(), e);
        }
    }
}
