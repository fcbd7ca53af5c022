package dev.sonority.model.schema;

import dev.sonority.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;

/** A database of its own with every migration applied and one connection to it, for the trigger tests. */
final class MigratedDatabase implements AutoCloseable {

    private final TestDatabase db = TestDatabase.create();
    private final Connection connection;

    MigratedDatabase() throws SQLException {
        Flyway.configure().dataSource(db.jdbcUrl(), db.username(), "").locations("classpath:db/migration").load()
                .migrate();
        connection = db.connect();
    }

    Connection connection() {
        return connection;
    }

    void sql(String statement) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
        db.close();
    }
}
