package dev.sonority.clustering.fit;

import java.util.Arrays;
import java.util.SplittableRandom;
import smile.linalg.UPLO;
import smile.tensor.DenseMatrix;
import smile.tensor.EVD;

/**
 * Spectral clustering through landmarks (Chen and Cai's LSC, AAAI 2011): each song is described by Gaussian
 * affinities to its {@value #NEAREST} nearest of {@code l} landmarks (rows summing to one, Z); the spectral
 * embedding is the top {@code k} left singular vectors of Z D^-1/2 (D the landmarks' degrees), got from the
 * l x l eigenproblem of its Gram matrix; KMeans on the row-normalised embedding gives the clusters.
 *
 * <p>Why not Smile's {@code SpectralClustering}: both its exact and its Nyström variants solve their
 * eigenproblem with ARPACK, a native library ({@code libarpack.so}) that neither the worker's image nor a
 * plain Debian install has; the symmetric l x l eigenproblem here runs in LAPACK (OpenBLAS), which Smile's
 * PCA already needs. Cost: n·l distances plus one l x l eigendecomposition, linear in the songs.
 */
final class LandmarkSpectral {

    static final int NEAREST = 5;

    private LandmarkSpectral() {
    }

    static int[] fit(double[][] data, int k, int landmarks, double sigma, long seed, int maxIterations) {
        int n = data.length;
        int l = Math.min(n, Math.max(k + 1, landmarks));
        int[] chosen = new SplittableRandom(seed).ints(0, n).distinct().limit(l).toArray();
        int r = Math.min(NEAREST, l);
        double[][] z = new double[n][l];
        double[] distances = new double[l];
        Integer[] order = new Integer[l];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < l; j++) {
                distances[j] = squaredDistance(data[i], data[chosen[j]]);
                order[j] = j;
            }
            Arrays.sort(order, (a, b) -> Double.compare(distances[a], distances[b]));
            double sum = 0;
            for (int t = 0; t < r; t++) {
                int j = order[t];
                z[i][j] = Math.exp(-distances[j] / (2 * sigma * sigma));
                sum += z[i][j];
            }
            for (int t = 0; t < r; t++) {
                z[i][order[t]] = sum > 0 ? z[i][order[t]] / sum : 1.0 / r;
            }
        }
        double[] degree = new double[l];
        for (double[] row : z) {
            for (int j = 0; j < l; j++) {
                degree[j] += row[j];
            }
        }
        for (double[] row : z) {
            for (int j = 0; j < l; j++) {
                row[j] = degree[j] > 0 ? row[j] / Math.sqrt(degree[j]) : 0;
            }
        }
        double[][] gram = new double[l][l];
        for (double[] row : z) {
            for (int a = 0; a < l; a++) {
                if (row[a] != 0) {
                    for (int b = 0; b <= a; b++) {
                        gram[a][b] += row[a] * row[b];
                    }
                }
            }
        }
        for (int a = 0; a < l; a++) {
            for (int b = 0; b < a; b++) {
                gram[b][a] = gram[a][b];
            }
        }
        EVD evd = DenseMatrix.of(gram).withUplo(UPLO.LOWER).eigen();
        Integer[] byValue = new Integer[l];
        Arrays.setAll(byValue, i -> i);
        Arrays.sort(byValue, (a, b) -> Double.compare(evd.wr().get(b), evd.wr().get(a)));
        double[][] embedding = new double[n][k];
        for (int c = 0; c < k; c++) { // u = Ẑ v / σ: the left singular vector of the right one v
            int e = byValue[c];
            double singular = Math.sqrt(Math.max(evd.wr().get(e), 1e-300));
            for (int i = 0; i < n; i++) {
                double dot = 0;
                for (int j = 0; j < l; j++) {
                    dot += z[i][j] * evd.Vr().get(j, e);
                }
                embedding[i][c] = dot / singular;
            }
        }
        for (double[] row : embedding) { // rows on the unit sphere, as Ng, Jordan and Weiss do
            double norm = Math.sqrt(Arrays.stream(row).map(x -> x * x).sum());
            if (norm > 0) {
                for (int c = 0; c < k; c++) {
                    row[c] /= norm;
                }
            }
        }
        return LloydKMeans.fit(embedding, k, maxIterations, seed).labels();
    }

    private static double squaredDistance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return sum;
    }
}
