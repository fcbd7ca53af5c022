package dev.sonority.worker.cluster;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The {@code clustering_run} row of a CLUSTER task: started, its curve after each batch, and how it ended. */
@Repository
class ClusteringRuns {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    ClusteringRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The run of a task, (re)started: a redelivered task starts its search again from the seed, so the row is
     * reset rather than a second one made.
     */
    long start(UUID taskId, String parametersJson) {
        return jdbc.sql("""
                INSERT INTO clustering_run (task_id, parameters, status) VALUES (:task, CAST(:p AS jsonb), 'RUNNING')
                ON CONFLICT (task_id) DO UPDATE SET status = 'RUNNING', fitness_curve = '[]'::jsonb,
                       best_fitness = NULL, details = NULL, finished_at = NULL
                RETURNING id
                """).param("task", taskId).param("p", parametersJson).query(Long.class).single();
    }

    void progress(long runId, List<Double> curve, Object details) {
        jdbc.sql("""
                UPDATE clustering_run SET fitness_curve = CAST(:curve AS jsonb), details = CAST(:details AS jsonb),
                       best_fitness = :best
                 WHERE id = :id
                """)
                .param("curve", JSON.writeValueAsString(curve)).param("details", JSON.writeValueAsString(details))
                .param("best", curve.isEmpty() ? null : curve.getLast()).param("id", runId).update();
    }

    /** Ends a run (SUCCESS, FAILURE or CANCELLED); a SUCCESS is written by the playlist writer's transaction. */
    void end(long runId, String status) {
        jdbc.sql("UPDATE clustering_run SET status = :status, finished_at = now() WHERE id = :id")
                .param("status", status).param("id", runId).update();
    }
}
