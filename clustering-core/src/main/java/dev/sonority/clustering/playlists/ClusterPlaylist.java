package dev.sonority.clustering.playlists;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One playlist out of a clustering: its unique name, its songs in play order, the cluster's purity (its
 * rank), its dominant genre (null when its songs have none) and the labels its name was made from.
 */
public record ClusterPlaylist(String name, long[] songIds, double fitness, @Nullable String genre,
        List<String> labels) {
}
