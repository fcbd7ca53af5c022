package dev.sonority.clustering;

import java.util.HashMap;
import java.util.Map;

/**
 * The adjusted Rand index by its formula (Hubert and Arabie 1985), written here rather than taken from Smile
 * so the tests do not grade Smile with Smile. Noise labels count as one more group.
 */
public final class AdjustedRand {

    private AdjustedRand() {
    }

    public static double of(int[] truth, int[] found) {
        Map<Long, Integer> pairs = new HashMap<>();
        Map<Integer, Integer> rows = new HashMap<>();
        Map<Integer, Integer> columns = new HashMap<>();
        for (int i = 0; i < truth.length; i++) {
            pairs.merge(((long) truth[i] << 32) ^ (found[i] & 0xffffffffL), 1, Integer::sum);
            rows.merge(truth[i], 1, Integer::sum);
            columns.merge(found[i], 1, Integer::sum);
        }
        double index = pairs.values().stream().mapToDouble(AdjustedRand::choose2).sum();
        double a = rows.values().stream().mapToDouble(AdjustedRand::choose2).sum();
        double b = columns.values().stream().mapToDouble(AdjustedRand::choose2).sum();
        double expected = a * b / choose2(truth.length);
        double max = (a + b) / 2;
        return max == expected ? 1.0 : (index - expected) / (max - expected);
    }

    private static double choose2(int n) {
        return n * (n - 1) / 2.0;
    }
}
