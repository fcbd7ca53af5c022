package dev.sonority.api.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WalkOrderTest {

    /**
     * Songs on one great circle at -15, 10 and 30 degrees from the seed (at 0). Nearest-first walks 0 -> 10 ->
     * -15 -> 30 (10 + 25 + 45 = 80 degrees); the shortest walk goes to the other side first: 0 -> -15 -> 10 ->
     * 30 (15 + 25 + 20 = 60 degrees).
     */
    @Test
    void goesToTheOtherSideFirstWhenThatMakesTheShorterWalk() {
        float[][] songs = {onCircle(10), onCircle(-15), onCircle(30)};
        assertThat(WalkOrder.order(onCircle(0), songs)).containsExactly(1, 0, 2);
    }

    @Test
    void isAPermutationNeverLongerThanNearestFirstOrByScore() {
        Random random = new Random(11);
        for (int trial = 0; trial < 40; trial++) {
            int n = 5 + random.nextInt(60);
            float[] seed = unit(gaussian(random, 24, null, 1));
            float[][] songs = new float[n][];
            for (int i = 0; i < n; i++) {
                songs[i] = unit(gaussian(random, 24, seed, 0.8));
            }
            int[] walk = WalkOrder.order(seed, songs);
            assertThat(Arrays.stream(walk).sorted().toArray()).containsExactly(IntStream.range(0, n).toArray());
            double walked = length(seed, songs, walk);
            assertThat(walked).isLessThanOrEqualTo(length(seed, songs, nearestFirst(seed, songs)) + 1e-9);
            assertThat(walked).isLessThanOrEqualTo(length(seed, songs, byScore(seed, songs)) + 1e-9);
        }
    }

    @Test
    void smallSetsGetTheShortestWalkOfAllOrders() {
        Random random = new Random(5);
        for (int trial = 0; trial < 30; trial++) {
            int n = 2 + random.nextInt(7);
            float[] seed = unit(gaussian(random, 8, null, 1));
            float[][] songs = new float[n][];
            for (int i = 0; i < n; i++) {
                songs[i] = unit(gaussian(random, 8, seed, 0.7));
            }
            double shortest = shortest(seed, songs, new boolean[n], 0, 0);
            assertThat(length(seed, songs, WalkOrder.order(seed, songs))).isCloseTo(shortest,
                    org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    // --- independent references: plain double loops, no code under test ---

    private static double angle(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
        }
        return Math.acos(Math.max(-1, Math.min(1, dot))) / Math.PI;
    }

    private static double length(float[] seed, float[][] songs, int[] order) {
        double total = angle(seed, songs[order[0]]);
        for (int i = 1; i < order.length; i++) {
            total += angle(songs[order[i - 1]], songs[order[i]]);
        }
        return total;
    }

    /** Brute force over every order. */
    private static double shortest(float[] at, float[][] songs, boolean[] used, int placed, double sofar) {
        if (placed == songs.length) {
            return sofar;
        }
        double best = Double.MAX_VALUE;
        for (int i = 0; i < songs.length; i++) {
            if (!used[i]) {
                used[i] = true;
                best = Math.min(best, shortest(songs[i], songs, used, placed + 1, sofar + angle(at, songs[i])));
                used[i] = false;
            }
        }
        return best;
    }

    private static int[] nearestFirst(float[] seed, float[][] songs) {
        int[] order = new int[songs.length];
        boolean[] used = new boolean[songs.length];
        float[] at = seed;
        for (int position = 0; position < songs.length; position++) {
            int best = -1;
            for (int i = 0; i < songs.length; i++) {
                if (!used[i] && (best < 0 || angle(at, songs[i]) < angle(at, songs[best]))) {
                    best = i;
                }
            }
            used[best] = true;
            order[position] = best;
            at = songs[best];
        }
        return order;
    }

    private static int[] byScore(float[] seed, float[][] songs) {
        return IntStream.range(0, songs.length).boxed()
                .sorted((a, b) -> Double.compare(angle(seed, songs[a]), angle(seed, songs[b])))
                .mapToInt(Integer::intValue).toArray();
    }

    private static float[] onCircle(double degrees) {
        double radians = Math.toRadians(degrees);
        return new float[] {(float) Math.cos(radians), (float) Math.sin(radians), 0};
    }

    private static float[] gaussian(Random random, int dim, float[] around, double sigma) {
        float[] v = new float[dim];
        for (int i = 0; i < dim; i++) {
            v[i] = (float) ((around == null ? 0 : around[i]) + sigma * random.nextGaussian());
        }
        return v;
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += (double) x * x;
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (v[i] / norm);
        }
        return v;
    }
}
