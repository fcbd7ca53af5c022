package dev.sonority.api.index;

import dev.sonority.contract.vector.VectorCodec;
import dev.sonority.model.embedding.EmbeddingKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;

/**
 * Reads search vectors from the {@code embedding} table. Full loads stream through a server-side cursor
 * (auto-commit off, a fetch size), so 100,000 vectors never sit in memory as one result set.
 */
class EmbeddingRows {

    private static final int FETCH_SIZE = 2_000;
    private static final String SELECT = "SELECT song_id, data, updated_at FROM embedding"
            + " WHERE model = ? AND kind = '" + EmbeddingKind.SEARCH + "'";

    /** One stored vector. */
    record Row(long songId, float[] vector, Instant updatedAt) {
    }

    /** How many vectors a model has and when the newest was written. */
    record State(long count, Instant maxUpdatedAt) {
    }

    private static final SQLExceptionTranslator TRANSLATOR = new SQLStateSQLExceptionTranslator();

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    EmbeddingRows(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Every model that has search vectors. */
    List<String> models() {
        return jdbc.sql("SELECT DISTINCT model FROM embedding WHERE kind = :kind ORDER BY model")
                .param("kind", EmbeddingKind.SEARCH).query(String.class).list();
    }

    State state(String model) {
        return jdbc.sql("SELECT count(*), max(updated_at) FROM embedding WHERE model = :model AND kind = :kind")
                .param("model", model).param("kind", EmbeddingKind.SEARCH)
                .query((rs, n) -> new State(rs.getLong(1), instant(rs.getObject(2, OffsetDateTime.class))))
                .single();
    }

    /** Song id to the {@code updated_at} (microseconds) of its vector of {@code model}. */
    Map<Long, Long> versions(String model) {
        Map<Long, Long> versions = new HashMap<>();
        jdbc.sql("SELECT song_id, updated_at FROM embedding WHERE model = :model AND kind = :kind")
                .param("model", model).param("kind", EmbeddingKind.SEARCH)
                .query(rs -> {
                    versions.put(rs.getLong(1), micros(instant(rs.getObject(2, OffsetDateTime.class))));
                });
        return versions;
    }

    /** Microseconds since the epoch: PostgreSQL's precision, so stored and read values compare equal. */
    static long micros(Instant instant) {
        return instant == null ? 0 : instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }

    /** Every vector of {@code model}. */
    void stream(String model, Consumer<Row> sink) {
        query(SELECT, statement -> statement.setString(1, model), sink);
    }

    /** The vectors of these songs. */
    void streamSongs(String model, Collection<Long> songIds, Consumer<Row> sink) {
        if (songIds.isEmpty()) {
            return;
        }
        query(SELECT + " AND song_id = ANY (?)", statement -> {
            statement.setString(1, model);
            statement.setArray(2, statement.getConnection().createArrayOf("bigint", songIds.toArray()));
        }, sink);
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private void query(String sql, Binder binder, Consumer<Row> sink) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false); // PostgreSQL uses a cursor only inside a transaction
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setFetchSize(FETCH_SIZE);
                binder.bind(statement);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(new Row(rs.getLong(1), VectorCodec.decode(rs.getBytes(2)),
                                instant(rs.getObject(3, OffsetDateTime.class))));
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw TRANSLATOR.translate("reading search vectors", sql, e);
        }
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
