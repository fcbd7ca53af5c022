package dev.sonority.clustering;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The songs one clustering search runs over, index-aligned: song {@code i} has {@code vectors[i]}, its genre
 * (null when unknown), its label scores ({@code labelScores[i][j]} for {@code labelNames.get(j)}: MusiCNN moods
 * and tags, or descriptor-derived labels when the model has none) and its tempo in BPM ({@code NaN} unknown).
 *
 * @param labelSource what the labels are, said in the run's details ("tags" or "descriptors")
 */
public record Library(long[] songIds, double[][] vectors, @Nullable String[] genres, List<String> labelNames,
        double[][] labelScores, double[] tempos, String labelSource) {

    public Library {
        Objects.requireNonNull(labelSource);
        int n = songIds.length;
        if (vectors.length != n || genres.length != n || labelScores.length != n || tempos.length != n) {
            throw new IllegalArgumentException("Library columns differ in length: " + n + " songs, "
                    + vectors.length + " vectors, " + genres.length + " genres, " + labelScores.length
                    + " label rows, " + tempos.length + " tempos");
        }
        labelNames = List.copyOf(labelNames);
    }

    public int size() {
        return songIds.length;
    }

    /** The library restricted to the given song indices, in that order. */
    public Library subset(int[] indices) {
        long[] ids = new long[indices.length];
        double[][] v = new double[indices.length][];
        String[] g = new String[indices.length];
        double[][] s = new double[indices.length][];
        double[] t = new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
            int j = indices[i];
            ids[i] = songIds[j];
            v[i] = vectors[j];
            g[i] = genres[j];
            s[i] = labelScores[j];
            t[i] = tempos[j];
        }
        return new Library(ids, v, g, labelNames, s, t, labelSource);
    }
}
