package dev.sonority.clustering;

/**
 * One clustering run's parameters. {@code clusters} is k (KMeans), the components (GMM) or the clusters
 * (spectral); {@code eps} and {@code minSamples} are DBSCAN's; {@code pcaComponents} 0 means no PCA.
 * {@code seed} makes the run (sample, initialisation) reproducible.
 */
public record RunParameters(Method method, int clusters, double eps, int minSamples, int pcaComponents,
        long seed) {
}
