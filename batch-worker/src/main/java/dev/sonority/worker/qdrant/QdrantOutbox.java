package dev.sonority.worker.qdrant;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of table {@code vector_outbox} (migration V10): which songs' vectors Qdrant has not caught up
 * with. The triggers fill it; this class switches them on or off, takes rows to drain and removes drained ones.
 */
@Component
class QdrantOutbox {

    /** One song of one model whose vector (or its absence) Qdrant does not have yet. */
    record Entry(String model, long songId) {
    }

    private final JdbcClient jdbc;

    QdrantOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Turns the triggers on. If they were off, every stored search vector is queued once, so a library that
     * switches to Qdrant fills it by itself. Call inside a transaction.
     *
     * @return the number of vectors queued now (0 when the triggers were on already)
     */
    int enable() {
        int switched = jdbc.sql("UPDATE vector_outbox_switch SET enabled = TRUE, updated_at = now() WHERE NOT enabled")
                .update();
        if (switched == 0) {
            return 0;
        }
        return jdbc.sql("""
                INSERT INTO vector_outbox (model, song_id)
                SELECT model, song_id FROM embedding WHERE kind = 'search'
                ON CONFLICT (model, song_id) DO NOTHING
                """).update();
    }

    /** Turns the triggers off and forgets what was queued (nothing reads Qdrant any more). */
    void disable() {
        jdbc.sql("UPDATE vector_outbox_switch SET enabled = FALSE, updated_at = now() WHERE enabled").update();
        jdbc.sql("DELETE FROM vector_outbox").update();
    }

    /**
     * Locks up to {@code limit} rows no other worker is draining, those failed least often first. Call inside
     * the transaction that also removes them ({@link #drained}); a change noted meanwhile waits for that commit
     * and is queued again after it.
     */
    List<Entry> claim(int limit) {
        return jdbc.sql("""
                SELECT model, song_id FROM vector_outbox ORDER BY attempts, queued_at LIMIT :limit
                   FOR UPDATE SKIP LOCKED
                """).param("limit", limit).query((rs, n) -> new Entry(rs.getString("model"), rs.getLong("song_id")))
                .list();
    }

    void drained(String model, Collection<Long> songIds) {
        jdbc.sql("DELETE FROM vector_outbox WHERE model = :model AND song_id IN (:ids)").param("model", model)
                .param("ids", songIds).update();
    }

    void failed(String model, Collection<Long> songIds, String error) {
        jdbc.sql("""
                UPDATE vector_outbox SET attempts = attempts + 1, last_error = :error
                 WHERE model = :model AND song_id IN (:ids)
                """).param("error", error).param("model", model).param("ids", songIds).update();
    }

    /** Drops the notes of {@code model} queued before {@code instant} (a reindex started then has covered them). */
    int coveredBy(String model, Instant instant) {
        return jdbc.sql("DELETE FROM vector_outbox WHERE model = :model AND queued_at < :at").param("model", model)
                .param("at", java.sql.Timestamp.from(instant)).update();
    }

    long backlog() {
        return jdbc.sql("SELECT count(*) FROM vector_outbox").query(Long.class).single();
    }
}
