package dev.sonority.model.startup;

import static dev.sonority.model.RootCause.find;
import static dev.sonority.model.RootCause.message;

import com.rabbitmq.client.PossibleAuthenticationFailureException;
import org.jspecify.annotations.Nullable;
import org.springframework.amqp.AmqpAuthenticationException;
import org.springframework.amqp.AmqpConnectException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Explains a start that failed because RabbitMQ could not be used: not reachable, or refusing the user of
 * RABBITMQ_URL. Names the broker's address without the password and says which variable to fix or which
 * command starts the broker.
 */
public class BrokerFailureAnalyzer implements FailureAnalyzer, Ordered {

    private final @Nullable Environment environment;

    public BrokerFailureAnalyzer(@Nullable Environment environment) {
        this.environment = environment;
    }

    @Override
    public @Nullable FailureAnalysis analyze(Throwable failure) {
        Throwable refused = find(failure, AmqpAuthenticationException.class);
        if (refused == null) {
            refused = find(failure, PossibleAuthenticationFailureException.class);
        }
        if (refused != null) {
            return new FailureAnalysis("RabbitMQ at " + addresses() + " refused the login: " + message(refused),
                    "Fix the user and password in RABBITMQ_URL (amqp://USER:PASSWORD@HOST:5672); with the compose"
                            + " broker they are RABBITMQ_USER and RABBITMQ_PASSWORD, set on its first start.",
                    failure);
        }
        AmqpConnectException unreachable = find(failure, AmqpConnectException.class);
        if (unreachable != null) {
            DependencyWait.DependencyUnreachableException waited =
                    find(failure, DependencyWait.DependencyUnreachableException.class);
            return new FailureAnalysis("RabbitMQ at " + addresses() + " could not be reached"
                    + (waited == null ? "" : " within " + waited.waitedText()) + ": " + message(unreachable),
                    "Start RabbitMQ (docker compose -f docker-compose.database.yaml up -d rabbitmq; ./sonority up"
                            + " starts an embedded broker when RABBITMQ_URL is not set), or set RABBITMQ_URL to"
                            + " where it runs (amqp://USER:PASSWORD@HOST:5672). STARTUP_DEPENDENCY_WAIT sets how long"
                            + " a start waits for it (0 = forever).",
                    failure);
        }
        return null;
    }

    /** Before Spring Boot's own analyzers, which would describe only the bean that failed. */
    @Override
    public int getOrder() {
        return 0;
    }

    private String addresses() {
        String addresses = environment == null ? null : environment.getProperty("spring.rabbitmq.addresses");
        return addresses == null ? "the configured RABBITMQ_URL" : Redacted.amqpAddresses(addresses);
    }
}
