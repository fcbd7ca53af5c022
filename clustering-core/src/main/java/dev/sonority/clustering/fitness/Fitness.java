package dev.sonority.clustering.fitness;

/**
 * One run's score: the weighted sum of its normalised terms, each term kept for the run's details.
 *
 * @param dominantLabels each cluster's dominant label (index into the library's label names; -1 for a cluster
 *     with no songs)
 * @param clusterPurity each cluster's own purity (its songs' mean score for its dominant label), which ranks
 *     the clusters when the best run becomes playlists
 */
public record Fitness(double score, double moodDiversity, double moodPurity, int[] dominantLabels,
        double[] clusterPurity) {
}
