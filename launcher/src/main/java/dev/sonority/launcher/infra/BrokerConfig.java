package dev.sonority.launcher.infra;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The initial configuration of the embedded Qpid Broker-J (model version 9.1). It is rebuilt on every start
 * (the broker's own configuration lives in memory), while the virtual host node keeps exchanges, queues and
 * persistent messages in a Derby store under the state directory.
 *
 * <p>Two differences between Qpid and RabbitMQ matter to the services, and are bridged here:
 * <ul>
 *   <li>Qpid refuses unknown queue-declare arguments such as RabbitMQ's {@code x-dead-letter-exchange};
 *       {@code queue.behaviourOnUnknownDeclareArgument=LOG} lets the services' declarations through unchanged.
 *   <li>Instead, the job queues also name the dead-letter exchange in Qpid's terms
 *       ({@code JobQueueDeclarations.QPID_DEAD_LETTER_EXCHANGE}, Qpid's alternate binding), and
 *       {@code queue.maximumDeliveryAttempts=1} makes Qpid move a message there as soon as a consumer rejects
 *       it without requeue (otherwise Qpid keeps a rejected message and offers it to other consumers). A
 *       message whose consumer died before acknowledging is still redelivered: Qpid counts only rejections
 *       against this limit, not releases by a closed channel.
 *   <li>No queue gets an alternate binding by default ({@code queue.defaultAlternateBinding}): Qpid also routes
 *       the messages a deleted queue still holds to its alternate binding, where RabbitMQ drops them, and the
 *       API's index-event queue is deleted with the API's connection. With a default binding every stop of the
 *       API with events in its queue showed up as dead letters.
 * </ul>
 */
public final class BrokerConfig {

    /** Rejections before Qpid dead-letters a message: 1, as RabbitMQ does for a reject without requeue. */
    public static final int MAX_DELIVERY_ATTEMPTS = 1;
    public static final String USER = "guest";
    public static final String PASSWORD = "guest";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BrokerConfig() {
    }

    /**
     * @param port the AMQP port on 127.0.0.1
     * @param storeDir the Derby store of the virtual host node
     */
    public static String json(int port, Path storeDir) {
        Map<String, Object> virtualHost = Map.of("type", "ProvidedStore");
        Map<String, Object> broker = Map.of(
                "name", "sonority",
                "modelVersion", "9.1",
                "context", Map.of(
                        "queue.behaviourOnUnknownDeclareArgument", "LOG",
                        "queue.maximumDeliveryAttempts", Integer.toString(MAX_DELIVERY_ATTEMPTS)),
                "authenticationproviders", List.of(Map.of(
                        "name", "plain",
                        "type", "Plain",
                        "secureOnlyMechanisms", List.of(),
                        "users", List.of(Map.of("name", USER, "password", PASSWORD, "type", "managed")))),
                "ports", List.of(Map.of(
                        "name", "AMQP",
                        "port", Integer.toString(port),
                        "bindingAddress", "127.0.0.1",
                        "protocols", List.of("AMQP_0_9_1"),
                        "authenticationProvider", "plain",
                        "virtualhostaliases", List.of(
                                Map.of("name", "nameAlias", "type", "nameAlias"),
                                Map.of("name", "defaultAlias", "type", "defaultAlias")))),
                "virtualhostnodes", List.of(Map.of(
                        "name", "default",
                        "type", "DERBY",
                        "storePath", storeDir.toString(),
                        "defaultVirtualHostNode", "true",
                        "virtualHostInitialConfiguration", JSON.writeValueAsString(virtualHost))));
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(broker);
    }
}
