package dev.sonority.launcher.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonority.launcher.LauncherException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Embedded PostgreSQL keeps its data across a stop and a start on the same directory, as a second {@code up} needs. */
class EmbeddedDatabaseTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void restartOnTheSameDataDirectoryKeepsTheData() throws Exception {
        Path data = dir.resolve("postgres");
        Path log = dir.resolve("logs/postgres.log");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(data, log, 0, WAIT)) {
            assertThat(database.endpoint().jdbcUrl()).endsWith("/sonority");
            try (Connection c = connect(database); Statement s = c.createStatement()) {
                try (ResultSet fsync = s.executeQuery("SHOW fsync")) {
                    fsync.next();
                    assertThat(fsync.getString(1)).as("durable commits, unlike zonky's test default").isEqualTo("on");
                }
                s.execute("CREATE TABLE kept (value text)");
                s.execute("INSERT INTO kept VALUES ('first run')");
            }
        }
        assertThat(Files.exists(data.resolve("postmaster.pid"))).as("stopped cleanly").isFalse();
        assertThat(Files.size(log)).as("server log written").isPositive();
        try (EmbeddedDatabase database = EmbeddedDatabase.start(data, log, 0, WAIT);
                Connection c = connect(database); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT value FROM kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("first run");
        }
    }

    @Test
    void aDataDirectoryOfAnotherVersionFailsWithTheLogPath() throws Exception {
        // what a data directory written by PostgreSQL 9.6 looks like to the version check of the server
        Path data = Files.createDirectories(dir.resolve("postgres"));
        Files.writeString(data.resolve("PG_VERSION"), "9.6\n");
        Files.writeString(data.resolve("postgresql.conf"), "");
        Files.setPosixFilePermissions(data, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        Path log = dir.resolve("logs/postgres.log");
        assertThatThrownBy(() -> EmbeddedDatabase.start(data, log, 0, WAIT))
                .isInstanceOf(LauncherException.class)
                .hasMessageContaining("Embedded PostgreSQL did not start")
                .satisfies(e -> assertThat(((LauncherException) e).action()).contains(log.toString()));
        assertThat(Files.readString(log)).contains("incompatible");
    }

    private static Connection connect(EmbeddedDatabase database) throws Exception {
        return DriverManager.getConnection(database.endpoint().jdbcUrl(), database.endpoint().username(), database.endpoint().password());
    }
}
