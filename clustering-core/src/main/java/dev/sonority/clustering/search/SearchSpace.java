package dev.sonority.clustering.search;

import dev.sonority.clustering.Method;

/**
 * The ranges a search samples each parameter from. The reference's defaults are in {@link #defaults}; a
 * search over a small library uses {@link #adaptedTo} so it is never asked for more clusters than
 * playlists of {@code minSongs} songs can fill.
 */
public record SearchSpace(Method method, IntRange clusters, DoubleRange eps, IntRange minSamples,
        IntRange pcaComponents) {

    /** The reference's ranges: k, components and spectral clusters 40–100, eps 0.1–0.5, min_samples 5–20, PCA 0–199. */
    public static SearchSpace defaults(Method method) {
        return new SearchSpace(method, new IntRange(40, 100), new DoubleRange(0.1, 0.5), new IntRange(5, 20),
                new IntRange(0, 199));
    }

    /**
     * These ranges for a library (or sample) of {@code songs} songs of {@code dimensions} each: at most
     * {@code songs / minSongs} clusters (at least 2), at most {@code dimensions - 1} PCA components, and
     * DBSCAN's min_samples at most the songs in a playlist.
     *
     * @throws IllegalArgumentException when there are fewer than {@code 2 × minSongs} songs
     */
    public SearchSpace adaptedTo(int songs, int dimensions, int minSongs) {
        if (songs < 2 * minSongs) { // one playlist is no clustering: the task fails with this, saving nothing
            throw new IllegalArgumentException("The library has " + songs + " songs with vectors; clustering needs"
                    + " at least 2 × min_songs = " + 2 * minSongs);
        }
        int maxClusters = Math.max(2, songs / Math.max(1, minSongs));
        return new SearchSpace(method, clusters.capped(maxClusters), eps, minSamples.capped(Math.max(1, minSongs)),
                pcaComponents.capped(Math.max(0, Math.min(dimensions - 1, songs - 1))));
    }

    /** The ranges this method uses, as the run's details show them. */
    public String describe() {
        return switch (method) {
            case DBSCAN -> "eps " + eps + ", min_samples " + minSamples + ", pca_components " + pcaComponents;
            case KMEANS -> "k " + clusters + ", pca_components " + pcaComponents;
            case GMM -> "components " + clusters + ", pca_components " + pcaComponents;
            case SPECTRAL -> "clusters " + clusters + ", pca_components " + pcaComponents;
        };
    }
}
