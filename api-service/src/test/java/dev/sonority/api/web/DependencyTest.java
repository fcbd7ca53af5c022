package dev.sonority.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.AmqpConnectException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;

class DependencyTest {

    @Test
    void recognisesDatabaseOutagesHoweverTheyAreWrapped() {
        assertThat(Dependency.causeOf(new CannotGetJdbcConnectionException("no", new SQLException("x", "08001"))))
                .contains(Dependency.DATABASE);
        assertThat(Dependency.causeOf(new CannotCreateTransactionException("no"))).contains(Dependency.DATABASE);
        assertThat(Dependency.causeOf(new DataAccessResourceFailureException("no"))).contains(Dependency.DATABASE);
        // Spring's generic wrapper around Hikari's timeout, one cause deeper
        assertThat(Dependency.causeOf(new UncategorizedSQLException("task", "SELECT 1", new SQLException("wrapped",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available", "55000")))))
                .contains(Dependency.DATABASE);
        assertThat(Dependency.causeOf(new RuntimeException(new SQLException("starting up", "57P03"))))
                .contains(Dependency.DATABASE);
    }

    @Test
    void recognisesBrokerOutages() {
        assertThat(Dependency.causeOf(new AmqpConnectException(new ConnectException("Connection refused"))))
                .contains(Dependency.BROKER);
    }

    @Test
    void leavesOtherFailuresAlone() {
        assertThat(Dependency.causeOf(new DataIntegrityViolationException("duplicate",
                new SQLException("duplicate key", "23505")))).isEmpty();
        assertThat(Dependency.causeOf(new IllegalStateException("bug"))).isEmpty();
        assertThat(Dependency.causeOf(new RuntimeException(new ConnectException("refused")))).isEmpty();
    }

    @Test
    void collapsesRunsOfSlashesOnly() {
        assertThat(SlashCollapsingFilter.collapse("//api/v1//stats")).isEqualTo("/api/v1/stats");
        assertThat(SlashCollapsingFilter.collapse("///health")).isEqualTo("/health");
        assertThat(SlashCollapsingFilter.collapse("/api/v1/songs/a%2F%2Fb")).isEqualTo("/api/v1/songs/a%2F%2Fb");
    }
}
