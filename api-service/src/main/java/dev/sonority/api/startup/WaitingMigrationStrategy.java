package dev.sonority.api.startup;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

/**
 * Runs Flyway's migrate, retrying while PostgreSQL cannot be reached (connection refused or timed out,
 * server starting up, database not created yet). Everything that uses the database starts only once the
 * schema is in place. Real migration errors (a failed script, a checksum mismatch) are not retried.
 */
public class WaitingMigrationStrategy implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(WaitingMigrationStrategy.class);

    private final String where;
    private final StartupProperties properties;

    /** @param where where the database is, for the log (a JDBC URL without its query string) */
    public WaitingMigrationStrategy(String where, StartupProperties properties) {
        this.where = where;
        this.properties = properties;
    }

    /**
     * Migrates, waiting as long as configured. A shutdown (SIGTERM, {@code docker stop}) during the wait ends it:
     * Spring's own shutdown hook cannot close a context that is still starting, so without this the JVM
     * would hang until killed.
     */
    @Override
    public void migrate(Flyway flyway) {
        Thread waiter = Thread.currentThread();
        Thread onShutdown = new Thread(waiter::interrupt, "sonority-startup-wait-shutdown");
        Runtime.getRuntime().addShutdownHook(onShutdown);
        try {
            migrateWaiting(flyway);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onShutdown);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already stopping; the hook has run or is running
            }
        }
    }

    private void migrateWaiting(Flyway flyway) {
        Instant start = Instant.now();
        for (int attempt = 1; ; attempt++) {
            try {
                flyway.migrate();
                if (attempt > 1) {
                    log.info("PostgreSQL at {} is reachable after {} attempts; schema migrated", where, attempt);
                }
                return;
            } catch (RuntimeException e) {
                Duration waited = Duration.between(start, Instant.now());
                boolean giveUp = !properties.databaseWait().isZero()
                        && waited.compareTo(properties.databaseWait()) >= 0;
                if (!isUnreachable(e) || giveUp || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                log.warn("Waiting for PostgreSQL at {} (attempt {}, {}s so far): {}; retrying in {}s", where, attempt,
                        waited.toSeconds(), rootMessage(e), properties.databaseRetryInterval().toSeconds());
                sleep(properties.databaseRetryInterval());
            }
        }
    }

    /** Whether the failure means "the database cannot be reached (yet)" rather than "the migration is wrong". */
    static boolean isUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.equals("57P03") || state.equals("3D000")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        return dev.sonority.model.RootCause.message(e);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Stopped while waiting for PostgreSQL (shutdown requested)", e);
        }
    }
}
