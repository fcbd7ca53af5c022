package dev.sonority.api.health;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Asks each dependency a trivial question: {@code SELECT 1} on PostgreSQL, an open connection to RabbitMQ
 * (the shared, cached one; a new one only if it was lost). Never throws.
 */
@Component
public class DependencyProbe {

    private static final Logger log = LoggerFactory.getLogger(DependencyProbe.class);

    private final JdbcClient jdbc;
    private final ConnectionFactory rabbit;

    public DependencyProbe(JdbcClient jdbc, ConnectionFactory rabbit) {
        this.jdbc = jdbc;
        this.rabbit = rabbit;
    }

    public boolean databaseUp() {
        try {
            return jdbc.sql("SELECT 1").query(Integer.class).single() == 1;
        } catch (RuntimeException e) {
            log.debug("PostgreSQL probe failed", e);
            return false;
        }
    }

    public boolean brokerUp() {
        try {
            Connection connection = rabbit.createConnection();
            return connection.isOpen();
        } catch (RuntimeException e) {
            log.debug("RabbitMQ probe failed", e);
            return false;
        }
    }
}
