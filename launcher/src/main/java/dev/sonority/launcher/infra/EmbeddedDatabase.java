package dev.sonority.launcher.infra;

import dev.sonority.launcher.LauncherException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

/**
 * PostgreSQL 17 from zonky's embedded binaries, with its data directory kept in the state directory so a
 * second run finds the library it left. The server runs as the current user (root works: zonky's binaries
 * allow it), listens on 127.0.0.1 with trust authentication, and holds the database {@value #DATABASE}. Unlike
 * zonky's test defaults, commits are durable (fsync and synchronous commit on).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "sonority";
    private static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final DatabaseEndpoint endpoint;

    private EmbeddedDatabase(EmbeddedPostgres postgres, DatabaseEndpoint endpoint) {
        this.postgres = postgres;
        this.endpoint = endpoint;
    }

    /**
     * Starts the server on {@code port} (0 picks a free one) and creates the database if it is missing.
     *
     * @param dataDir the PostgreSQL data directory (created by initdb on the first run)
     * @param logFile where the server writes its log
     * @param startupWait how long to wait for connections (a server that cannot start is noticed only then)
     */
    public static EmbeddedDatabase start(Path dataDir, Path logFile, int port, Duration startupWait) {
        refuseOrphanedServer(dataDir);
        int chosen = port == 0 ? FreePorts.pick() : port;
        EmbeddedPostgres postgres;
        try {
            Files.createDirectories(dataDir.getParent());
            Files.createDirectories(logFile.getParent());
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(chosen)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(startupWait)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100")
                    // zonky's defaults suit throw-away test databases (fsync and synchronous commit off); this one holds the library
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setOutputRedirector(Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new LauncherException("Embedded PostgreSQL did not start: " + e.getMessage(),
                    "See its log " + logFile + " (data directory " + dataDir + ").", e);
        }
        try {
            createDatabaseIfMissing(postgres);
        } catch (SQLException e) {
            closeQuietly(postgres);
            throw new LauncherException("Embedded PostgreSQL started but the database '" + DATABASE
                    + "' could not be created: " + e.getMessage(), "See " + logFile + ".", e);
        }
        String url = "jdbc:postgresql://127.0.0.1:" + chosen + "/" + DATABASE;
        return new EmbeddedDatabase(postgres, new DatabaseEndpoint(url, USER, "",
                "embedded PostgreSQL on 127.0.0.1:" + chosen + " (data in " + dataDir + ")"));
    }

    public DatabaseEndpoint endpoint() {
        return endpoint;
    }

    /** A fast shutdown (running transactions are aborted; committed data is safe). */
    @Override
    public void close() throws IOException {
        postgres.close();
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            try (var rows = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (rows.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + DATABASE);
        }
    }

    /** A launcher killed with SIGKILL leaves its postmaster running; a second one on the same data would fail obscurely. */
    private static void refuseOrphanedServer(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        Optional<ProcessHandle> running;
        try {
            String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
            running = ProcessHandle.of(Long.parseLong(first)).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return; // unreadable or stale: PostgreSQL itself sorts that out
        }
        running.ifPresent(p -> {
            throw new LauncherException("An embedded PostgreSQL from an earlier run is still running on " + dataDir
                    + " (pid " + p.pid() + ").", "If no other ./sonority uses it, stop it with: kill " + p.pid());
        });
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException | RuntimeException ignored) {
            // already failing; the first error is the one to report
        }
    }
}
