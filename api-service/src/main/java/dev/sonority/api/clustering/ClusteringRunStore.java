package dev.sonority.api.clustering;

import dev.sonority.contract.models.ModelName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@code clustering_run} rows (the worker writes them) and which models have vectors to cluster. */
@Repository
class ClusteringRunStore {

    private final JdbcClient jdbc;

    ClusteringRunStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Run(long id, UUID taskId, String parameters, String details, String fitnessCurve, Double bestFitness,
            String status, Instant createdAt, Instant finishedAt) {
    }

    record PlaylistRef(long id, String name, int songs, String request) {
    }

    /** The models with at least one search vector, in {@link ModelName} order (one index probe per model). */
    List<String> modelsWithVectors() {
        List<String> models = new ArrayList<>();
        for (ModelName model : ModelName.values()) {
            if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM embedding WHERE model = :m AND kind = 'search')")
                    .param("m", model.apiName()).query(Boolean.class).single()) {
                models.add(model.apiName());
            }
        }
        return models;
    }

    List<Run> list(int limit) {
        return jdbc.sql(SELECT + " ORDER BY created_at DESC, id DESC LIMIT :limit").param("limit", limit)
                .query(ClusteringRunStore::run).list();
    }

    Optional<Run> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(ClusteringRunStore::run).optional();
    }

    /** The playlists a run saved that are still there (a later successful run replaces them). */
    List<PlaylistRef> playlists(long runId) {
        return jdbc.sql("""
                SELECT p.id, p.name, (SELECT count(*) FROM playlist_song ps WHERE ps.playlist_id = p.id) AS songs,
                       p.request::text AS request
                  FROM playlist p WHERE p.source = 'cluster' AND (p.request ->> 'run_id')::bigint = :run
                 ORDER BY p.id
                """).param("run", runId)
                .query((rs, n) -> new PlaylistRef(rs.getLong("id"), rs.getString("name"), rs.getInt("songs"),
                        rs.getString("request"))).list();
    }

    private static final String SELECT = """
            SELECT id, task_id, parameters::text AS parameters, details::text AS details,
                   fitness_curve::text AS fitness_curve, best_fitness, status, created_at, finished_at
              FROM clustering_run""";

    private static Run run(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Run(rs.getLong("id"), rs.getObject("task_id", UUID.class), rs.getString("parameters"),
                rs.getString("details"), rs.getString("fitness_curve"), rs.getObject("best_fitness", Double.class),
                rs.getString("status"), instant(rs, "created_at"), instant(rs, "finished_at"));
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
