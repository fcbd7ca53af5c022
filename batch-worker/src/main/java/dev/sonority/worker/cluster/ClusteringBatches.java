package dev.sonority.worker.cluster;

import dev.sonority.clustering.search.RunOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code clustering_batch} rows: a batch's outcomes (or why it could not run), written once by the worker
 * that ran it, whatever the number of deliveries, and read by the parent in batch order.
 */
@Repository
class ClusteringBatches {

    /** How often a waiting parent looks for a batch's row. */
    static final Duration POLL = Duration.ofMillis(100);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<RunOutcome>> OUTCOMES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    ClusteringBatches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A finished batch: its outcomes, or the error that kept it from running. */
    record Result(List<RunOutcome> outcomes, @Nullable String error) {
    }

    boolean exists(long runId, int batchIndex) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM clustering_batch WHERE run_id = :run AND batch_index = :i)")
                .param("run", runId).param("i", batchIndex).query(Boolean.class).single();
    }

    /** Writes a batch's outcomes; a second write of the same batch (a redelivery) changes nothing. */
    boolean write(long runId, int batchIndex, List<RunOutcome> outcomes, String worker) {
        return insert(runId, batchIndex, JSON.writeValueAsString(outcomes), null, worker);
    }

    /** Records that a batch cannot run (the same failure on any worker): the parent fails the task with it. */
    boolean fail(long runId, int batchIndex, String error, String worker) {
        return insert(runId, batchIndex, "[]", error, worker);
    }

    private boolean insert(long runId, int batchIndex, String outcomes, @Nullable String error, String worker) {
        return jdbc.sql("""
                INSERT INTO clustering_batch (run_id, batch_index, outcomes, error, worker)
                VALUES (:run, :i, CAST(:outcomes AS jsonb), :error, :worker)
                ON CONFLICT (run_id, batch_index) DO NOTHING
                """).param("run", runId).param("i", batchIndex).param("outcomes", outcomes).param("error", error)
                .param("worker", worker).update() == 1;
    }

    Optional<Result> find(long runId, int batchIndex) {
        return jdbc.sql("SELECT outcomes::text AS outcomes, error FROM clustering_batch"
                        + " WHERE run_id = :run AND batch_index = :i")
                .param("run", runId).param("i", batchIndex)
                .query((rs, n) -> new Result(JSON.readValue(rs.getString("outcomes"), OUTCOMES),
                        rs.getString("error")))
                .optional();
    }

    /**
     * Waits for a batch's row, calling {@code whileWaiting} between looks (the parent's progress report, which
     * throws when the task was cancelled).
     */
    Result await(long runId, int batchIndex, Runnable whileWaiting) {
        while (true) {
            Optional<Result> result = find(runId, batchIndex);
            if (result.isPresent()) {
                return result.get();
            }
            whileWaiting.run();
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for batch " + batchIndex, e);
            }
        }
    }
}
