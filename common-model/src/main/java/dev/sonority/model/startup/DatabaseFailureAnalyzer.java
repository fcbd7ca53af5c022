package dev.sonority.model.startup;

import static dev.sonority.model.RootCause.find;
import static dev.sonority.model.RootCause.message;

import java.net.ConnectException;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Explains a start that failed because PostgreSQL could not be used: not reachable (after api-service's
 * wait, see {@code STARTUP_DEPENDENCY_WAIT}), refusing the credentials, or without the database.
 * Names the JDBC URL without its password and says which variable to fix or which command starts the server.
 */
public class DatabaseFailureAnalyzer implements FailureAnalyzer, Ordered {

    private static final String START = "Start PostgreSQL (docker compose -f docker-compose.database.yaml up -d"
            + " postgres; ./sonority up starts an embedded one when DATABASE_URL is not set)";

    private final @Nullable Environment environment;

    public DatabaseFailureAnalyzer(@Nullable Environment environment) {
        this.environment = environment;
    }

    @Override
    public @Nullable FailureAnalysis analyze(Throwable failure) {
        SQLException sql = find(failure, SQLException.class);
        if (sql == null) {
            return null;
        }
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        String url = url();
        String reason = message(sql);
        if (state.equals("28P01") || state.equals("28000")) {
            return new FailureAnalysis("PostgreSQL at " + url + " refused the login of user '" + user() + "': "
                    + reason, "Set DATABASE_USERNAME and DATABASE_PASSWORD to a PostgreSQL user that can log in to"
                    + " that database.", failure);
        }
        if (state.equals("3D000")) {
            return new FailureAnalysis("PostgreSQL at " + url + " is running but has no such database: " + reason,
                    "Create the database (createdb -h HOST -U " + user() + " NAME, as the compose file's postgres"
                            + " service does on its first start), or fix its name at the end of DATABASE_URL.",
                    failure);
        }
        if (state.startsWith("08") || state.equals("57P03") || find(failure, ConnectException.class) != null) {
            return new FailureAnalysis("PostgreSQL at " + url + " could not be reached" + waited(failure) + ": " + reason,
                    START + ", or set DATABASE_URL to where it runs (jdbc:postgresql://HOST:5432/sonority).",
                    failure);
        }
        return null;
    }

    /** Before Spring Boot's own analyzers, which would describe only the bean that failed. */
    @Override
    public int getOrder() {
        return 0;
    }

    private String url() {
        String url = environment == null ? null : environment.getProperty("spring.datasource.url");
        return url == null ? "the configured DATABASE_URL" : Redacted.jdbcUrl(url);
    }

    private String user() {
        String user = environment == null ? null : environment.getProperty("spring.datasource.username");
        return user == null ? "?" : user;
    }

    /** api-service waits for PostgreSQL (STARTUP_DEPENDENCY_WAIT) before it gives up; say for how long. */
    private static String waited(Throwable failure) {
        DependencyWait.DependencyUnreachableException waited =
                find(failure, DependencyWait.DependencyUnreachableException.class);
        return waited == null ? "" : " within " + waited.waitedText() + " (STARTUP_DEPENDENCY_WAIT)";
    }
}
