package dev.sonority.worker.map;

import dev.sonority.clustering.map.Layout;
import dev.sonority.contract.vector.VectorCodec;
import dev.sonority.model.embedding.EmbeddingKind;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/** Reads the vectors a map is made of and writes the map ({@code song_map}), the one writer of those rows. */
@Component
class SongMaps {

    /** Rows per JDBC batch when a map is written. */
    private static final int BATCH = 2_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionOperations transactions;

    SongMaps(JdbcClient jdbc, JdbcTemplate template, TransactionOperations transactions) {
        this.jdbc = jdbc;
        this.template = template;
        this.transactions = transactions;
    }

    record Vectors(long[] songIds, double[][] vectors) {
    }

    /** Every song with a search vector of the model, by song id (so a seed gives the same map). */
    Vectors load(String model) {
        List<Long> ids = new ArrayList<>();
        List<double[]> vectors = new ArrayList<>();
        jdbc.sql("SELECT song_id, data FROM embedding WHERE model = :model AND kind = :search ORDER BY song_id")
                .param("model", model).param("search", EmbeddingKind.SEARCH)
                .query(rs -> {
                    ids.add(rs.getLong(1));
                    float[] v = VectorCodec.decode(rs.getBytes(2));
                    double[] d = new double[v.length];
                    for (int i = 0; i < v.length; i++) {
                        d[i] = v[i];
                    }
                    vectors.add(d);
                });
        return new Vectors(ids.stream().mapToLong(Long::longValue).toArray(), vectors.toArray(double[][]::new));
    }

    /** Replaces the model's map in one transaction: readers see the old map or the new one, never a mix. */
    void replace(String model, long[] songIds, Layout layout, Instant computedAt) {
        Timestamp at = Timestamp.from(computedAt);
        String method = layout.method().apiName();
        double[][] points = layout.points();
        transactions.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM song_map WHERE model = :model").param("model", model).update();
            for (int from = 0; from < songIds.length; from += BATCH) {
                int to = Math.min(songIds.length, from + BATCH);
                List<Object[]> rows = new ArrayList<>(to - from);
                for (int i = from; i < to; i++) {
                    rows.add(new Object[] {model, songIds[i], (float) points[i][0], (float) points[i][1], method, at,
                            songIds[i]});
                }
                // a song removed (vacuum) since its vector was read is left out rather than failing the map
                template.batchUpdate("INSERT INTO song_map (model, song_id, x, y, method, computed_at)"
                        + " SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM song WHERE id = ?)", rows);
            }
        });
    }
}
