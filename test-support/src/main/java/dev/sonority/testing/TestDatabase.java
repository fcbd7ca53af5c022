package dev.sonority.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * A fresh, empty PostgreSQL database for one test run, on the real server of the development machine
 * (127.0.0.1:5432, trust auth, superuser {@code postgres}; override with {@code SONORITY_TEST_PG_HOST},
 * {@code SONORITY_TEST_PG_PORT}, {@code SONORITY_TEST_PG_USER}). Runs never see each other's data: each gets
 * its own database, dropped on {@link #close()}.
 *
 * <pre>
 * static final TestDatabase DB = TestDatabase.create();
 * &#64;DynamicPropertySource static void db(DynamicPropertyRegistry r) { DB.register(r::add); }
 * &#64;AfterAll static void drop() { DB.close(); }
 * </pre>
 */
public final class TestDatabase implements AutoCloseable {

    private static final String HOST = env("SONORITY_TEST_PG_HOST", "127.0.0.1");
    private static final String PORT = env("SONORITY_TEST_PG_PORT", "5432");
    private static final String USER = env("SONORITY_TEST_PG_USER", "postgres");

    private final String name;

    private TestDatabase(String name) {
        this.name = name;
    }

    /** Creates a database named {@code sonority_test_<random>}. */
    public static TestDatabase create() {
        String name = "sonority_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                .toLowerCase(Locale.ROOT);
        execute("CREATE DATABASE " + name);
        return new TestDatabase(name);
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + name;
    }

    public String username() {
        return USER;
    }

    /** Applies Sonority's schema (common-model's Flyway migrations) to this database; returns {@code this}. */
    public TestDatabase migrate() {
        Flyway.configure().dataSource(jdbcUrl(), USER, "").locations("classpath:db/migration").load().migrate();
        return this;
    }

    /** A {@link JdbcClient} on this database, one connection per statement (no pool to close). */
    public JdbcClient jdbcClient() {
        return JdbcClient.create(new SimpleDriverDataSource(new org.postgresql.Driver(), jdbcUrl(), USER, ""));
    }

    /** Opens a plain JDBC connection to this database. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, "");
    }

    /** Registers the Spring datasource properties, e.g. {@code DB.register(registry::add)}. */
    public void register(PropertySink sink) {
        sink.add("spring.datasource.url", this::jdbcUrl);
        sink.add("spring.datasource.username", () -> USER);
        sink.add("spring.datasource.password", () -> "");
    }

    /** The environment variables a Sonority service process needs to use this database. */
    public java.util.Map<String, String> environment() {
        return java.util.Map.of("DATABASE_URL", jdbcUrl(), "DATABASE_USERNAME", USER, "DATABASE_PASSWORD", "");
    }

    /**
     * Drops the database, and the song reader role its migrations created (roles belong to the cluster and would
     * outlive the database; V14 names it after the database).
     */
    @Override
    public void close() {
        String reader = readerRole();
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        if (reader != null) {
            execute("DROP ROLE IF EXISTS \"" + reader.replace("\"", "\"\"") + "\"");
        }
    }

    /** The name V14's {@code sonority_reader_role()} gives this database's reader; null before that migration. */
    private String readerRole() {
        try (Connection connection = connect();
             Statement statement = connection.createStatement();
             java.sql.ResultSet rs = statement.executeQuery("SELECT sonority_reader_role()")) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) { // not migrated that far, or no such database (closed twice): no role to drop
            return null;
        }
    }

    /** Matches {@code DynamicPropertyRegistry#add} without depending on spring-test here. */
    @FunctionalInterface
    public interface PropertySink {
        void add(String name, java.util.function.Supplier<Object> value);
    }

    private static void execute(String sql) {
        String url = "jdbc:postgresql://" + HOST + ":" + PORT + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run '" + sql + "' on the test PostgreSQL at " + url
                    + " (is it running? .ci/run starts it): " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
