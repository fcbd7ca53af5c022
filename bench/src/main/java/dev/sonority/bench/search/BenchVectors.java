package dev.sonority.bench.search;

import dev.sonority.contract.vector.VectorCodec;
import dev.sonority.contract.vector.Vectors;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;

/**
 * The generated library: {@code n} unit vectors in Gaussian clusters (embeddings of real music cluster by
 * style), song {@code i} (id {@code i + 1}) at a known path, written to PostgreSQL as the worker writes them
 * (float32 little-endian {@code bytea}, kind {@code search}). Exact top-k by brute force is the reference.
 * Used by the search and discovery benches.
 */
public final class BenchVectors {

    public final float[][] vectors;

    public BenchVectors(long seed, int n, int dim, int clusters, double spread) {
        Random random = new Random(seed);
        float[][] centres = new float[clusters][dim];
        for (float[] centre : centres) {
            for (int d = 0; d < dim; d++) {
                centre[d] = (float) random.nextGaussian();
            }
            Vectors.normalizeInPlace(centre);
        }
        double sigma = spread / Math.sqrt(dim); // noise of norm ~spread around a unit centre
        vectors = new float[n][dim];
        for (float[] v : vectors) {
            float[] centre = centres[random.nextInt(clusters)];
            for (int d = 0; d < dim; d++) {
                v[d] = (float) (centre[d] + sigma * random.nextGaussian());
            }
            Vectors.normalizeInPlace(v);
        }
    }

    public static String path(int index) {
        int i = index + 1;
        return "Artist " + (i % 1000) + "/Album " + (i % 97) + "/" + String.format("%06d", i) + " Track #" + i + ".flac";
    }

    /** As Sola MPD sends a song id: one segment, {@code /} as %2F, space as %20. */
    static String encodedPath(int index) {
        return URLEncoder.encode(path(index), StandardCharsets.UTF_8).replace("+", "%20");
    }

    public void write(Connection connection) throws SQLException {
        write(connection, "clap", true);
    }

    /** Writes the vectors as {@code model}'s, creating the songs first when {@code songs} is set. */
    void write(Connection connection, String model, boolean songs) throws SQLException {
        if (songs) {
            insertSongs(connection);
        }
        insertVectors(connection, model);
    }

    private void insertSongs(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO song (path, title, artist, album, genre, file_size, file_mtime)
                    SELECT 'Artist ' || (i % 1000) || '/Album ' || (i % 97) || '/' || lpad(i::text, 6, '0')
                               || ' Track #' || i || '.flac',
                           'Track ' || i, 'Artist ' || (i % 1000), 'Album ' || (i % 97), 'Rock', 1, now()
                    FROM generate_series(1, $N) i""".replace("$N", Integer.toString(vectors.length)));
        }
    }

    private void insertVectors(Connection connection, String model) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO embedding"
                + " (song_id, model, kind, dim, data, model_version) VALUES (?, ?, 'search', ?, ?, 'bench')")) {
            for (int i = 0; i < vectors.length; i++) {
                insert.setLong(1, i + 1);
                insert.setString(2, model);
                insert.setInt(3, vectors[i].length);
                insert.setBytes(4, VectorCodec.encode(vectors[i]));
                insert.addBatch();
                if (i % 1000 == 999 || i == vectors.length - 1) {
                    insert.executeBatch();
                }
            }
        }
        connection.commit();
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE");
        }
    }

    /** Indexes of the {@code k} most similar vectors to vector {@code seed}, itself excluded. */
    int[] exactTopK(int seed, int k) {
        float[] query = vectors[seed];
        int[] best = new int[k];
        double[] scores = new double[k];
        java.util.Arrays.fill(scores, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < vectors.length; i++) {
            if (i == seed) {
                continue;
            }
            double dot = 0;
            float[] v = vectors[i];
            for (int d = 0; d < query.length; d++) {
                dot += query[d] * v[d];
            }
            if (dot > scores[k - 1]) {
                int at = k - 1;
                while (at > 0 && scores[at - 1] < dot) {
                    scores[at] = scores[at - 1];
                    best[at] = best[at - 1];
                    at--;
                }
                scores[at] = dot;
                best[at] = i;
            }
        }
        return best;
    }

    long rawBytes() {
        return (long) vectors.length * vectors[0].length * Float.BYTES;
    }
}
