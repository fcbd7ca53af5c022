package dev.sonority.api.startup;

import dev.sonority.model.startup.DependencyWait;
import dev.sonority.model.startup.StartupWaitProperties;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

/**
 * Runs Flyway's migrate, retrying for up to STARTUP_DEPENDENCY_WAIT while PostgreSQL cannot be reached
 * (connection refused or timed out, server starting up, database not created yet). Everything that uses the database starts only once the
 * schema is in place. Real migration errors (a failed script, a checksum mismatch) are not retried.
 */
public class WaitingMigrationStrategy implements FlywayMigrationStrategy {

    private final String where;
    private final DependencyWait wait;

    /** @param where where the database is, for the log (a JDBC URL without its query string) */
    public WaitingMigrationStrategy(String where, StartupWaitProperties properties) {
        this.where = where;
        this.wait = new DependencyWait(properties);
    }

    /**
     * Migrates, waiting as long as configured ({@link StartupWaitProperties}). A shutdown (SIGTERM, {@code docker stop}) during the wait ends it:
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
        wait.until("PostgreSQL at " + where, flyway::migrate, WaitingMigrationStrategy::isUnreachable);
    }

    /** Whether the failure means "the database cannot be reached (yet)" rather than "the migration is wrong". */
    static boolean isUnreachable(RuntimeException failure) {
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
}
