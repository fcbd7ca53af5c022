package dev.sonority.api.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.sonority.testing.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import dev.sonority.model.startup.DependencyWait;
import dev.sonority.model.startup.StartupWaitProperties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

/** Against the real PostgreSQL: a database that appears later, one that never answers, a broken script. */
class WaitingMigrationStrategyTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    @Test
    void waitsUntilTheDatabaseExistsThenMigrates() throws Exception {
        String name = "sonority_test_late_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Flyway flyway = Flyway.configure().dataSource(SERVER + name, "postgres", "")
                .locations("classpath:db/migration").load();
        WaitingMigrationStrategy strategy = new WaitingMigrationStrategy(SERVER + name,
                new StartupWaitProperties(Duration.ZERO, Duration.ofMillis(200)));
        Thread creator = Thread.startVirtualThread(() -> {
            sleep(1500);
            admin("CREATE DATABASE " + name);
        });
        try {
            long start = System.nanoTime();
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> strategy.migrate(flyway));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(1400));
            try (Connection connection = DriverManager.getConnection(SERVER + name, "postgres", "");
                 Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT to_regclass('public.song') IS NOT NULL")) {
                rs.next();
                assertThat(rs.getBoolean(1)).isTrue();
            }
        } finally {
            creator.join();
            admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    @Test
    void givesUpAfterTheConfiguredWait() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closed + "/nothing";
        Flyway flyway = Flyway.configure().dataSource(url, "postgres", "").load();
        WaitingMigrationStrategy strategy = new WaitingMigrationStrategy(url,
                new StartupWaitProperties(Duration.ofMillis(600), Duration.ofMillis(100)));
        long start = System.nanoTime();
        assertThatThrownBy(() -> strategy.migrate(flyway)).isInstanceOf(DependencyWait.DependencyUnreachableException.class)
                .hasCauseInstanceOf(FlywayException.class).hasMessageContaining("PostgreSQL at " + url);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(550));
    }

    @Test
    void anInterruptEndsTheWait() throws Exception {
        String url = SERVER + "sonority_test_never_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Flyway flyway = Flyway.configure().dataSource(url, "postgres", "").load();
        WaitingMigrationStrategy strategy = new WaitingMigrationStrategy(url,
                new StartupWaitProperties(Duration.ZERO, Duration.ofMillis(200)));
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread main = Thread.startVirtualThread(() -> {
            try {
                strategy.migrate(flyway);
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        // interrupt it while it waits between two attempts (TIMED_WAITING: in its retry sleep)
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                .until(() -> main.getState() == Thread.State.TIMED_WAITING);
        main.interrupt();
        main.join(Duration.ofSeconds(10));
        assertThat(main.isAlive()).isFalse();
        assertThat(failure.get()).isNotNull();
    }

    @Test
    void doesNotRetryAMigrationThatIsWrong() {
        try (TestDatabase db = TestDatabase.create()) {
            Flyway flyway = Flyway.configure().dataSource(db.jdbcUrl(), db.username(), "")
                    .locations("classpath:db/broken").load();
            WaitingMigrationStrategy strategy = new WaitingMigrationStrategy(db.jdbcUrl(),
                    new StartupWaitProperties(Duration.ZERO, Duration.ofSeconds(30)));
            assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                    assertThatThrownBy(() -> strategy.migrate(flyway)).isInstanceOf(FlywayException.class));
        }
    }

    @Test
    void classifiesConnectionFailuresOnly() {
        assertThat(WaitingMigrationStrategy.isUnreachable(new RuntimeException(new SQLException("x", "08001")))).isTrue();
        assertThat(WaitingMigrationStrategy.isUnreachable(new RuntimeException(new SQLException("x", "3D000")))).isTrue();
        assertThat(WaitingMigrationStrategy.isUnreachable(new RuntimeException(new SQLException("x", "57P03")))).isTrue();
        assertThat(WaitingMigrationStrategy.isUnreachable(new RuntimeException(new SQLException("x", "42601")))).isFalse();
        assertThat(WaitingMigrationStrategy.isUnreachable(new IllegalStateException("checksum mismatch"))).isFalse();
    }

    private static void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
