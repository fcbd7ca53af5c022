package dev.sonority.clustering.fit;

/**
 * A clustering of {@code labels.length} songs into {@code k} clusters: {@code labels[i]} is song i's cluster
 * (0 … k-1) or {@link #NOISE} (DBSCAN's outliers, which belong to no playlist).
 */
public record Partition(int[] labels, int k) {

    public static final int NOISE = -1;

    /** The number of songs in each cluster. */
    public int[] sizes() {
        int[] sizes = new int[k];
        for (int label : labels) {
            if (label != NOISE) {
                sizes[label]++;
            }
        }
        return sizes;
    }
}
