package dev.sonority.api.discovery.alchemy;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;

/**
 * AudioMuse-AI's draw: {@code n} candidates without replacement, each next one with probability proportional to
 * {@code exp(-distance / temperature)} among those left (softmax sampling; temperature 0: the nearest, in
 * order). Done in one pass with the Gumbel-top-k trick: adding independent Gumbel noise to each log-weight
 * {@code -distance / temperature} and taking the {@code n} largest gives exactly that sequential draw (Kool, van
 * Hoof and Welling, "Stochastic Beams and Where to Find Them", 2019), with no renormalising loop. The same seed
 * and candidates give the same draw.
 */
final class SoftmaxDraw {

    private SoftmaxDraw() {
    }

    /** Indexes into {@code distances}, in drawing order. */
    static int[] draw(double[] distances, int n, double temperature, long seed) {
        int count = Math.min(n, distances.length);
        double[] keys = new double[distances.length];
        Random random = new Random(seed);
        for (int i = 0; i < distances.length; i++) {
            keys[i] = temperature == 0 ? -distances[i] : -distances[i] / temperature + gumbel(random);
        }
        Integer[] order = new Integer[distances.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -keys[i]).thenComparingInt(i -> i));
        int[] drawn = new int[count];
        for (int i = 0; i < count; i++) {
            drawn[i] = order[i];
        }
        return drawn;
    }

    /** A standard Gumbel variate, {@code -ln(-ln U)}. */
    private static double gumbel(Random random) {
        double u = random.nextDouble();
        return -Math.log(-Math.log(u == 0 ? Double.MIN_VALUE : u));
    }
}
