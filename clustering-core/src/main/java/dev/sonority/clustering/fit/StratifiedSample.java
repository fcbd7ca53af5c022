package dev.sonority.clustering.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Draws a run's sample as the reference does: stratified by genre, so a library that is 80 % rock still gives
 * its jazz songs their share of every run. Each genre (unknown is one more) gets
 * {@code size × its share of the library} songs, rounded, and the rounding's remainder goes to the largest
 * remainders; within a genre, songs are drawn without replacement.
 */
public final class StratifiedSample {

    private StratifiedSample() {
    }

    /** The indices of the sample, sorted; all songs when {@code size} is at least the library's. */
    public static int[] draw(@Nullable String[] genres, int size, RandomGenerator random) {
        int n = genres.length;
        if (size >= n) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return all;
        }
        Map<String, List<Integer>> strata = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            strata.computeIfAbsent(genres[i] == null ? "" : genres[i], g -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> groups = new ArrayList<>(strata.values());
        int[] quota = new int[groups.size()];
        double[] remainder = new double[groups.size()];
        int given = 0;
        for (int g = 0; g < groups.size(); g++) {
            double exact = (double) size * groups.get(g).size() / n;
            quota[g] = (int) Math.floor(exact);
            remainder[g] = exact - quota[g];
            given += quota[g];
        }
        while (given < size) { // largest remainders first; ties to the earlier genre, so the draw is reproducible
            int best = 0;
            for (int g = 1; g < groups.size(); g++) {
                if (remainder[g] > remainder[best]) {
                    best = g;
                }
            }
            quota[best]++;
            remainder[best] = -1;
            given++;
        }
        int[] sample = new int[size];
        int at = 0;
        for (int g = 0; g < groups.size(); g++) {
            List<Integer> members = groups.get(g);
            for (int i = 0; i < quota[g]; i++) { // partial Fisher–Yates: the first quota[g] of a shuffle
                int j = i + random.nextInt(members.size() - i);
                Integer swap = members.get(i);
                members.set(i, members.get(j));
                members.set(j, swap);
                sample[at++] = members.get(i);
            }
        }
        Arrays.sort(sample);
        return sample;
    }
}
