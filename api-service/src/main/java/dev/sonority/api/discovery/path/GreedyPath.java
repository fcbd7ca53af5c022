package dev.sonority.api.discovery.path;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reference: AudioMuse-AI's {@code find_path_between_songs} with {@code PATH_FIX_SIZE} off, written from its
 * documented behaviour and independent of the code under test. Point by point, it takes the first candidate
 * (nearest to the point first) that is not used yet, not the same artist + title as a song used, not by an
 * artist at the cap (the end songs counted from the start), and not closer than the duplicate distance to the
 * song before; a point with no such candidate is left out.
 * <p>
 * Not used to answer requests: it is the baseline the global search is measured against, by the property tests
 * ({@code PathSearchTest}) and by {@code ./sonority bench discovery}, so it lives in main source where both reach
 * it without a test-jar.
 */
public final class GreedyPath {

    private GreedyPath() {
    }

    public static List<PathSong> of(PathSong from, PathSong to, List<List<PathSong>> candidates, int maxPerArtist,
            double duplicateDistance) {
        List<PathSong> path = new ArrayList<>(List.of(from));
        Set<Long> used = new HashSet<>(List.of(from.id(), to.id()));
        Set<String> works = new HashSet<>();
        Map<String, Integer> artists = new HashMap<>();
        for (PathSong end : List.of(from, to)) {
            if (end.signature() != null) {
                works.add(end.signature());
            }
            if (end.artistKey() != null) {
                artists.merge(end.artistKey(), 1, Integer::sum);
            }
        }
        for (List<PathSong> layer : candidates) {
            for (PathSong song : layer) {
                if (used.contains(song.id()) || song.signature() != null && works.contains(song.signature())
                        || song.artistKey() != null && artists.getOrDefault(song.artistKey(), 0) >= maxPerArtist
                        || angle(path.getLast().vector(), song.vector()) < duplicateDistance) {
                    continue;
                }
                path.add(song);
                used.add(song.id());
                if (song.signature() != null) {
                    works.add(song.signature());
                }
                if (song.artistKey() != null) {
                    artists.merge(song.artistKey(), 1, Integer::sum);
                }
                break;
            }
        }
        path.add(to);
        return path;
    }

    /** arccos(cos)/pi in plain double arithmetic. */
    public static double angle(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return Math.acos(Math.max(-1, Math.min(1, dot / Math.sqrt(na * nb)))) / Math.PI;
    }

    public static double maxStep(List<PathSong> path) {
        double max = 0;
        for (int i = 1; i < path.size(); i++) {
            max = Math.max(max, angle(path.get(i - 1).vector(), path.get(i).vector()));
        }
        return max;
    }

    public static double total(List<PathSong> path) {
        double total = 0;
        for (int i = 1; i < path.size(); i++) {
            total += angle(path.get(i - 1).vector(), path.get(i).vector());
        }
        return total;
    }
}
