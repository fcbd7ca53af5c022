package dev.sonority.clustering.playlists;

/**
 * The post-processing limits, with the reference's defaults: playlists of 20 to 200 songs, members at most
 * 0.5 (Euclidean, in the model's vector space) from their cluster's centroid, the 10 best kept.
 */
public record PlaylistRules(int minSongs, int maxSongs, double maxDistance, int topN) {

    public static final PlaylistRules DEFAULTS = new PlaylistRules(20, 200, 0.5, 10);

    public PlaylistRules {
        if (minSongs < 1 || maxSongs < minSongs || topN < 1 || !(maxDistance > 0)) {
            throw new IllegalArgumentException("need 1 ≤ min_songs ≤ max_songs, top_n ≥ 1 and max_distance > 0");
        }
    }
}
