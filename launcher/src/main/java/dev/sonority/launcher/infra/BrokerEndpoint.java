package dev.sonority.launcher.infra;

/**
 * Where the services find the AMQP broker: the {@code RABBITMQ_URL} of the runtime contract.
 *
 * @param description for the terminal, e.g. "embedded AMQP broker (Qpid Broker-J) on port 41235"
 */
public record BrokerEndpoint(String amqpUrl, String description) {
}
