package dev.sonority.clustering.fit;

import dev.sonority.clustering.RunParameters;
import java.util.Arrays;
import smile.clustering.Clustering;
import smile.clustering.DBSCAN;
import smile.feature.extraction.PCA;
import smile.math.MathEx;
import smile.stat.distribution.MultivariateGaussianMixture;
import smile.stat.distribution.MultivariateMixture;

/**
 * Runs one clustering: PCA to {@code pcaComponents} dimensions when asked (Smile), then KMeans
 * ({@link LloydKMeans}: Smile's was 13× slower than scikit-learn's in 200 dimensions), a diagonal-covariance
 * Gaussian mixture (EM, Smile), DBSCAN (Smile) or spectral
 * clustering through landmarks ({@link LandmarkSpectral}: 10,000 songs never need a 10,000² affinity matrix).
 *
 * <p>Smile draws its random numbers from a generator per thread: setting its seed from the run's seed right
 * before the fit, on the fitting thread, is what makes a run reproducible.
 */
public final class ClusterFitter {

    /** KMeans iterations; the reference's scikit-learn default is 300 too. */
    static final int MAX_ITERATIONS = 300;
    /** Landmarks of the spectral clustering: its cost grows with their square, not with the songs'. */
    static final int SPECTRAL_LANDMARKS = 400;

    private ClusterFitter() {
    }

    /** The clusters of {@code vectors} under {@code parameters}. */
    public static Partition fit(double[][] vectors, RunParameters parameters) {
        MathEx.setSeed(parameters.seed());
        double[][] data = project(vectors, parameters.pcaComponents());
        int n = data.length;
        return switch (parameters.method()) {
            case KMEANS -> {
                var kmeans = LloydKMeans.fit(data, parameters.clusters(), MAX_ITERATIONS, parameters.seed());
                yield new Partition(kmeans.labels(), kmeans.centres().length);
            }
            case GMM -> gaussianMixture(data, Math.min(parameters.clusters(), n));
            case DBSCAN -> {
                DBSCAN<double[]> dbscan = DBSCAN.fit(data, parameters.minSamples(), parameters.eps());
                int[] labels = dbscan.group().clone();
                for (int i = 0; i < labels.length; i++) {
                    if (labels[i] == Clustering.OUTLIER) {
                        labels[i] = Partition.NOISE;
                    }
                }
                yield new Partition(labels, dbscan.k());
            }
            case SPECTRAL -> {
                int k = Math.min(parameters.clusters(), n);
                int[] labels = LandmarkSpectral.fit(data, k, Math.max(SPECTRAL_LANDMARKS, k * 4), bandwidth(data),
                        parameters.seed(), MAX_ITERATIONS);
                yield new Partition(labels, k);
            }
        };
    }

    /** The vectors in their leading {@code components} principal components; themselves for 0. */
    static double[][] project(double[][] vectors, int components) {
        if (components <= 0 || components >= vectors[0].length) {
            return vectors;
        }
        return PCA.fit(vectors).getProjection(components).apply(vectors);
    }

    private static Partition gaussianMixture(double[][] data, int k) {
        MultivariateMixture mixture = MultivariateGaussianMixture.fit(k, data, true);
        int[] labels = new int[data.length];
        for (int i = 0; i < data.length; i++) {
            labels[i] = mixture.map(data[i]); // the most probable component (maximum a posteriori)
        }
        return new Partition(labels, mixture.components.length);
    }

    /**
     * The Gaussian kernel's width: the median distance between a few hundred pairs of songs, so the affinity
     * is neither all ones nor all zeros whatever the vectors' scale.
     */
    static double bandwidth(double[][] data) {
        int pairs = Math.min(500, data.length);
        double[] distances = new double[pairs];
        for (int p = 0; p < pairs; p++) {
            int a = p;
            int b = (int) ((p * 7919L + 13) % data.length);
            distances[p] = MathEx.distance(data[a], data[b]);
        }
        Arrays.sort(distances);
        double median = distances[pairs / 2];
        return median > 0 ? median : 1.0;
    }
}
