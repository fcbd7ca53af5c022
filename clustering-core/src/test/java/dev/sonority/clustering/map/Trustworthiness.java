package dev.sonority.clustering.map;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Trustworthiness of an embedding by its definition (Venna &amp; Kaski 2001; scikit-learn's
 * {@code sklearn.manifold.trustworthiness}): T(k) = 1 − 2 / (n k (2n − 3k − 1)) Σ_i Σ_{j ∈ U_i} (r(i, j) − k), where
 * U_i are the k nearest neighbours of i in the embedding that are not among its k nearest in the input, and
 * r(i, j) is j's rank (1 = nearest) among i's neighbours in the input. Euclidean distances, brute force.
 */
final class Trustworthiness {

    private Trustworthiness() {
    }

    static double of(double[][] input, double[][] embedded, int k) {
        int n = input.length;
        double penalty = 0;
        for (int i = 0; i < n; i++) {
            int[] inputOrder = order(input, i);
            int[] rank = new int[n];
            for (int r = 0; r < inputOrder.length; r++) {
                rank[inputOrder[r]] = r + 1;
            }
            int[] embeddedOrder = order(embedded, i);
            for (int r = 0; r < k; r++) {
                int j = embeddedOrder[r];
                if (rank[j] > k) {
                    penalty += rank[j] - k;
                }
            }
        }
        return 1 - 2.0 / (n * (double) k * (2.0 * n - 3.0 * k - 1)) * penalty;
    }

    /** The other points by distance from point i, nearest first (ties by index). */
    private static int[] order(double[][] points, int i) {
        double[] d = new double[points.length];
        for (int j = 0; j < points.length; j++) {
            double s = 0;
            for (int c = 0; c < points[i].length; c++) {
                double diff = points[i][c] - points[j][c];
                s += diff * diff;
            }
            d[j] = s;
        }
        return IntStream.range(0, points.length).filter(j -> j != i).boxed()
                .sorted(Comparator.<Integer>comparingDouble(j -> d[j]).thenComparingInt(j -> j))
                .mapToInt(Integer::intValue).toArray();
    }

    /** A check of the formula itself: an embedding equal to its input is perfectly trustworthy. */
    static boolean identityIsOne(double[][] input, int k) {
        return Math.abs(of(input, Arrays.copyOf(input, input.length), k) - 1) < 1e-12;
    }
}
