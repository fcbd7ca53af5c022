package dev.sonority.clustering.playlists;

import dev.sonority.clustering.Library;
import dev.sonority.clustering.fit.Partition;
import dev.sonority.clustering.fitness.Fitness;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * Makes a run's clusters into playlists as the reference does: members farther than {@code max_distance}
 * from their centroid leave, clusters left under {@code min_songs} are dropped, clusters over
 * {@code max_songs} keep their {@code max_songs} songs nearest the centroid, and the {@code top_n} purest
 * clusters are kept, first one per genre so the playlists are not all rock, then the purest of the rest.
 */
public final class PostProcessor {

    private PostProcessor() {
    }

    public static List<ClusterPlaylist> playlists(Library songs, Partition partition, Fitness fitness,
            PlaylistRules rules) {
        List<Candidate> candidates = new ArrayList<>();
        for (int c = 0; c < partition.k(); c++) {
            Candidate candidate = candidate(songs, partition, fitness, c, rules);
            if (candidate != null) {
                candidates.add(candidate);
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::purity).reversed());
        List<Candidate> kept = new ArrayList<>();
        Set<String> genres = new HashSet<>();
        for (Candidate c : candidates) { // one per genre first
            if (kept.size() < rules.topN() && genres.add(String.valueOf(c.genre()))) {
                kept.add(c);
            }
        }
        for (Candidate c : candidates) {
            if (kept.size() < rules.topN() && !kept.contains(c)) {
                kept.add(c);
            }
        }
        kept.sort(Comparator.comparingDouble(Candidate::purity).reversed());
        PlaylistNamer namer = new PlaylistNamer();
        return kept.stream().map(c -> new ClusterPlaylist(namer.name(c.labels(), c.medianTempo(), c.genre()),
                Arrays.stream(c.order()).mapToLong(i -> songs.songIds()[i]).toArray(), c.purity(), c.genre(),
                c.labels())).toList();
    }

    private static @Nullable Candidate candidate(Library songs, Partition partition, Fitness fitness, int cluster,
            PlaylistRules rules) {
        double[][] vectors = songs.vectors();
        int[] members = IntStream.range(0, vectors.length).filter(i -> partition.labels()[i] == cluster).toArray();
        if (members.length < rules.minSongs()) {
            return null;
        }
        double[] centroid = Geometry.centroid(vectors, members);
        double limit = rules.maxDistance() * rules.maxDistance();
        Integer[] near = Arrays.stream(members).filter(i -> Geometry.squaredDistance(vectors[i], centroid) <= limit)
                .boxed().sorted(Comparator.comparingDouble(i -> Geometry.squaredDistance(vectors[i], centroid)))
                .toArray(Integer[]::new);
        if (near.length < rules.minSongs()) {
            return null;
        }
        int[] keep = Arrays.stream(near).limit(rules.maxSongs()).mapToInt(Integer::intValue).toArray();
        return new Candidate(SmoothWalk.order(vectors, keep, centroid), fitness.clusterPurity()[cluster],
                dominantGenre(songs.genres(), keep), topLabels(songs, keep), medianTempo(songs.tempos(), keep));
    }

    private static @Nullable String dominantGenre(@Nullable String[] genres, int[] members) {
        Map<String, Integer> counts = new HashMap<>();
        for (int m : members) {
            if (genres[m] != null) {
                counts.merge(genres[m], 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(
                        Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(null);
    }

    /** The two labels with the largest mean score over the kept songs. */
    private static List<String> topLabels(Library songs, int[] members) {
        int labels = songs.labelNames().size();
        double[] mean = new double[labels];
        for (int m : members) {
            for (int j = 0; j < labels; j++) {
                mean[j] += songs.labelScores()[m][j];
            }
        }
        return IntStream.range(0, labels).boxed().sorted(Comparator.comparingDouble(j -> -mean[j])).limit(2)
                .map(songs.labelNames()::get).toList();
    }

    private static double medianTempo(double[] tempos, int[] members) {
        double[] known = Arrays.stream(members).mapToDouble(m -> tempos[m]).filter(t -> !Double.isNaN(t)).sorted()
                .toArray();
        return known.length == 0 ? Double.NaN : known[known.length / 2];
    }

    private record Candidate(int[] order, double purity, @Nullable String genre, List<String> labels,
            double medianTempo) {
    }
}
