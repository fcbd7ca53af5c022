package dev.sonority.model.startup;

import dev.sonority.model.RootCause;
import com.rabbitmq.client.PossibleAuthenticationFailureException;
import org.springframework.amqp.AmqpAuthenticationException;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;

/**
 * Fails the start of the worker when its broker does not answer within the startup wait, so a wrong RABBITMQ_URL
 * is reported ({@link BrokerFailureAnalyzer}) rather than a worker that looks healthy and never runs a job. The API
 * does not use it: it serves reads without a broker, and its health says the broker is down. A broker that comes up within the wait (containers started in any order) is simply waited for.
 */
public class BrokerStartupCheck implements ApplicationRunner, Ordered {

    private final ConnectionFactory connections;
    private final DependencyWait wait;

    public BrokerStartupCheck(ConnectionFactory connections, StartupWaitProperties properties) {
        this.connections = connections;
        this.wait = new DependencyWait(properties);
    }

    @Override
    public void run(ApplicationArguments args) {
        wait.until("RabbitMQ", () -> {
            try (Connection connection = connections.createConnection()) {
                connection.isOpen();
            }
        }, BrokerStartupCheck::mayComeUp);
    }

    /** A refused login is a wrong setting, reported at once; anything else may be a broker still starting. */
    private static boolean mayComeUp(RuntimeException failure) {
        return RootCause.find(failure, AmqpAuthenticationException.class) == null
                && RootCause.find(failure, PossibleAuthenticationFailureException.class) == null;
    }

    /** Before the services' own runners, which may need the broker. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
