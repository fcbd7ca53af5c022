package dev.sonority.api.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import org.springframework.amqp.AmqpConnectException;
import org.springframework.amqp.AmqpIOException;
import org.springframework.amqp.AmqpTimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/** The external services a request can depend on, and how to tell from an exception that one is down. */
public enum Dependency {
    DATABASE("Database"),
    BROKER("Message broker");

    private final String displayName;

    Dependency(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /**
     * The dependency whose outage caused this exception, if any: Spring's resource-failure exceptions,
     * Hikari's connection timeout, PostgreSQL connection SQLStates (class 08, 57P01-57P03, 3D000), and the
     * AMQP connection exceptions. Walks the cause chain, since Spring and the driver wrap them at different depths.
     */
    public static Optional<Dependency> causeOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AmqpConnectException || t instanceof AmqpIOException || t instanceof AmqpTimeoutException) {
                return Optional.of(BROKER);
            }
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof TransientDataAccessResourceException
                    || t instanceof SQLTransientConnectionException || isConnectionSqlState(t)) {
                return Optional.of(DATABASE);
            }
            if (t instanceof ConnectException && failure instanceof org.springframework.dao.DataAccessException) {
                return Optional.of(DATABASE);
            }
        }
        return Optional.empty();
    }

    private static boolean isConnectionSqlState(Throwable t) {
        if (!(t instanceof SQLException sql) || sql.getSQLState() == null) {
            return false;
        }
        String state = sql.getSQLState();
        return state.startsWith("08") || state.startsWith("57P0") || state.equals("3D000");
    }
}
