package dev.sonority.worker.cluster;

import dev.sonority.clustering.DescriptorLabels;
import dev.sonority.clustering.Library;
import dev.sonority.contract.models.ModelName;
import dev.sonority.contract.models.MusicnnLabels;
import dev.sonority.contract.vector.VectorCodec;
import dev.sonority.model.embedding.EmbeddingKind;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loads the songs a search runs over: every song with a search vector of the model, its genre, tempo and labels.
 * The labels are MusiCNN's tags and moods when every song has them; otherwise the descriptor-derived labels (tempo
 * band, key mode, energy band) for all, so one library never mixes two kinds of label. Vectors are read once per
 * task, as doubles: 100,000 × 200 is 160 MB, inside the worker's 1 GB heap.
 */
@Component
class LibraryLoader {

    private final JdbcClient jdbc;

    LibraryLoader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(long id, double[] vector, @Nullable String genre, double tempo, @Nullable String scale,
            double energy, byte @Nullable [] tags, byte @Nullable [] moods) {
    }

    Library load(String model) {
        List<Row> rows = jdbc.sql("""
                SELECT s.id, e.data, s.genre, d.bpm, d.scale, d.energy,
                       (SELECT data FROM embedding WHERE song_id = s.id AND model = :musicnn AND kind = :tags) AS tags,
                       (SELECT data FROM embedding WHERE song_id = s.id AND model = :musicnn AND kind = :moods) AS moods
                  FROM embedding e JOIN song s ON s.id = e.song_id
                  LEFT JOIN song_descriptors d ON d.song_id = s.id
                 WHERE e.model = :model AND e.kind = :search
                 ORDER BY s.id
                """).param("model", model).param("search", EmbeddingKind.SEARCH)
                .param("musicnn", ModelName.MUSICNN.apiName()).param("tags", EmbeddingKind.TAGS)
                .param("moods", EmbeddingKind.MOODS)
                .query((rs, n) -> new Row(rs.getLong("id"), toDoubles(VectorCodec.decode(rs.getBytes("data"))),
                        rs.getString("genre"), nanIfNull(rs.getObject("bpm", Double.class)), rs.getString("scale"),
                        nanIfNull(rs.getObject("energy", Double.class)), rs.getBytes("tags"), rs.getBytes("moods")))
                .list();
        boolean tagged = !rows.isEmpty() && rows.stream().allMatch(r -> r.tags() != null && r.moods() != null
                && VectorCodec.decode(r.tags()).length == MusicnnLabels.TAGS.size()
                && VectorCodec.decode(r.moods()).length == MusicnnLabels.MOODS.size());
        List<String> labelNames = new ArrayList<>();
        if (tagged) {
            labelNames.addAll(MusicnnLabels.TAGS);
            labelNames.addAll(MusicnnLabels.MOODS);
        } else {
            labelNames.addAll(DescriptorLabels.NAMES);
        }
        int n = rows.size();
        long[] ids = new long[n];
        double[][] vectors = new double[n][];
        String[] genres = new String[n];
        double[][] labels = new double[n][];
        double[] tempos = new double[n];
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            ids[i] = r.id();
            vectors[i] = r.vector();
            genres[i] = r.genre();
            tempos[i] = r.tempo();
            labels[i] = tagged ? concat(VectorCodec.decode(r.tags()), VectorCodec.decode(r.moods()))
                    : DescriptorLabels.scores(r.tempo(), r.scale() == null ? null : "major".equalsIgnoreCase(r.scale()),
                            r.energy());
        }
        return new Library(ids, vectors, genres, labelNames, labels, tempos,
                tagged ? "tags" : DescriptorLabels.SOURCE);
    }

    private static double nanIfNull(@Nullable Double value) {
        return value == null ? Double.NaN : value;
    }

    private static double[] toDoubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    private static double[] concat(float[] a, float[] b) {
        double[] out = new double[a.length + b.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i];
        }
        for (int i = 0; i < b.length; i++) {
            out[a.length + i] = b[i];
        }
        return out;
    }
}
