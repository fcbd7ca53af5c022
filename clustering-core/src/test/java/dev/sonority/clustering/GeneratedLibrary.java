package dev.sonority.clustering;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A library with known groups, the ground truth of the clustering tests: {@code groups} centres drawn
 * uniformly in [-1, 1]^dimensions, each song its group's centre plus Gaussian noise of deviation
 * {@code noise}; group g's songs share genre "genre-(g mod genres)", score 0.9 for label g (0.05 for the
 * others) and a tempo of 70 + 15 g BPM.
 */
public record GeneratedLibrary(Library library, int[] truth) {

    public static GeneratedLibrary of(int groups, int perGroup, int dimensions, double noise, int genres, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] centres = new double[groups][dimensions];
        for (double[] centre : centres) {
            for (int j = 0; j < dimensions; j++) {
                centre[j] = random.nextDouble() * 2 - 1;
            }
        }
        int n = groups * perGroup;
        long[] ids = new long[n];
        double[][] vectors = new double[n][dimensions];
        String[] genre = new String[n];
        double[][] scores = new double[n][groups];
        double[] tempos = new double[n];
        int[] truth = new int[n];
        List<String> labels = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            labels.add("mood" + g);
        }
        for (int i = 0; i < n; i++) {
            int g = i % groups; // interleaved, so no algorithm profits from the input order
            ids[i] = 1000 + i;
            truth[i] = g;
            for (int j = 0; j < dimensions; j++) {
                vectors[i][j] = centres[g][j] + gaussian(random) * noise;
            }
            genre[i] = "genre-" + (g % genres);
            java.util.Arrays.fill(scores[i], 0.05);
            scores[i][g] = 0.9;
            tempos[i] = 70 + 15 * g;
        }
        return new GeneratedLibrary(new Library(ids, vectors, genre, labels, scores, tempos, "tags"), truth);
    }

    private static double gaussian(SplittableRandom random) { // Box–Muller
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
