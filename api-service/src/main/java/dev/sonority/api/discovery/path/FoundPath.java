package dev.sonority.api.discovery.path;

import java.util.List;

/**
 * A path from its first to its last song.
 *
 * @param steps {@code steps[i]} is the angular distance from {@code songs[i]} to {@code songs[i + 1]}
 */
public record FoundPath(List<PathSong> songs, double[] steps) {

    public double maxStep() {
        double max = 0;
        for (double step : steps) {
            max = Math.max(max, step);
        }
        return max;
    }

    public double totalDistance() {
        double total = 0;
        for (double step : steps) {
            total += step;
        }
        return total;
    }

    /** Whether this path is better: a smaller largest step first, then a shorter total. */
    boolean betterThan(FoundPath other) {
        int byMax = Double.compare(maxStep(), other.maxStep());
        return byMax != 0 ? byMax < 0 : totalDistance() < other.totalDistance();
    }
}
