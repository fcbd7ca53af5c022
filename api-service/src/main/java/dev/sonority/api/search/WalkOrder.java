package dev.sonority.api.search;

import dev.sonority.contract.vector.Angular;
import org.apache.lucene.util.VectorUtil;

/**
 * {@code order=walk}: a set of songs as a smooth sequence from a starting point, each song close to the one
 * before, instead of by closeness to the start alone (which makes a list that jumps between the directions
 * around the seed). AudioMuse-AI's radius walk picks greedily within distance buckets; here the sequence is
 * the open path of least total angular length that starts at the seed: exact (Held-Karp dynamic programming
 * over subsets) for up to {@value #EXACT_UP_TO} songs; for more, built nearest-neighbour first and improved by
 * 2-opt (reversing a stretch) and Or-opt (moving one song elsewhere) until neither shortens the path. Instant
 * playlists walk the same way, starting at their best match.
 */
public final class WalkOrder {

    /** Held-Karp takes n * n * 2^n steps: 2.4 million at 12 songs, well under a millisecond. */
    static final int EXACT_UP_TO = 12;

    /** Bounds the improvement on large sets; each pass is quadratic in the number of songs. */
    private static final int MAX_PASSES = 50;

    private WalkOrder() {
    }

    /**
     * @param start the point the walk starts at (the seed, or the centroid of several seeds), unit length
     * @param vectors the songs' unit vectors
     * @return the indexes of {@code vectors} in walking order
     */
    public static int[] order(float[] start, float[][] vectors) {
        int n = vectors.length;
        // node 0 is the start, node i + 1 is vectors[i]
        float[][] nodes = new float[n + 1][];
        nodes[0] = start;
        System.arraycopy(vectors, 0, nodes, 1, n);
        double[][] d = distances(nodes);
        int[] tour = n <= EXACT_UP_TO ? shortest(d) : nearestNeighbourTour(d);
        if (n > EXACT_UP_TO) {
            improve(tour, d);
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = tour[i + 1] - 1;
        }
        return order;
    }

    private static double[][] distances(float[][] nodes) {
        double[][] d = new double[nodes.length][nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            for (int j = i + 1; j < nodes.length; j++) {
                d[i][j] = d[j][i] = Angular.ofCosine(VectorUtil.dotProduct(nodes[i], nodes[j]));
            }
        }
        return d;
    }

    /**
     * The shortest open path from node 0 through every node: {@code best[mask][last]} is the length of the
     * shortest path from node 0 through the nodes of {@code mask} (bit i for node i + 1) ending at {@code last}.
     */
    private static int[] shortest(double[][] d) {
        int n = d.length - 1;
        int full = (1 << n) - 1;
        double[][] best = new double[1 << n][n];
        int[][] previous = new int[1 << n][n];
        for (double[] row : best) {
            java.util.Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        for (int last = 0; last < n; last++) {
            best[1 << last][last] = d[0][last + 1];
            previous[1 << last][last] = -1;
        }
        for (int mask = 1; mask <= full; mask++) {
            for (int last = 0; last < n; last++) {
                double length = best[mask][last];
                if ((mask & (1 << last)) == 0 || length == Double.POSITIVE_INFINITY) {
                    continue;
                }
                for (int next = 0; next < n; next++) {
                    if ((mask & (1 << next)) != 0) {
                        continue;
                    }
                    int grown = mask | (1 << next);
                    double candidate = length + d[last + 1][next + 1];
                    if (candidate < best[grown][next]) {
                        best[grown][next] = candidate;
                        previous[grown][next] = last;
                    }
                }
            }
        }
        int last = 0;
        for (int i = 1; i < n; i++) {
            if (best[full][i] < best[full][last]) {
                last = i;
            }
        }
        int[] tour = new int[n + 1];
        for (int position = n, mask = full; position >= 1; position--) {
            tour[position] = last + 1;
            int before = previous[mask][last];
            mask &= ~(1 << last);
            last = before;
        }
        return tour;
    }

    private static int[] nearestNeighbourTour(double[][] d) {
        int n = d.length;
        int[] tour = new int[n];
        boolean[] used = new boolean[n];
        used[0] = true;
        for (int position = 1; position < n; position++) {
            int from = tour[position - 1];
            int best = -1;
            for (int candidate = 1; candidate < n; candidate++) {
                if (!used[candidate] && (best < 0 || d[from][candidate] < d[from][best])) {
                    best = candidate;
                }
            }
            tour[position] = best;
            used[best] = true;
        }
        return tour;
    }

    /** 2-opt and Or-opt passes on an open path whose first node stays first, until neither shortens it. */
    private static void improve(int[] tour, double[][] d) {
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            boolean improved = twoOpt(tour, d);
            improved |= orOpt(tour, d);
            if (!improved) {
                return;
            }
        }
    }

    /**
     * Reversing {@code tour[i..j]} replaces the edges (i-1, i) and (j, j+1) by (i-1, j) and (i, j+1); at the end
     * of the path there is no (j, j+1).
     */
    private static boolean twoOpt(int[] tour, double[][] d) {
        int n = tour.length;
        boolean improved = false;
        for (int i = 1; i < n - 1; i++) {
            for (int j = i + 1; j < n; j++) {
                double before = d[tour[i - 1]][tour[i]] + (j + 1 < n ? d[tour[j]][tour[j + 1]] : 0);
                double after = d[tour[i - 1]][tour[j]] + (j + 1 < n ? d[tour[i]][tour[j + 1]] : 0);
                if (after < before - 1e-12) {
                    reverse(tour, i, j);
                    improved = true;
                }
            }
        }
        return improved;
    }

    /** Moves one node from position {@code i} to between positions {@code j} and {@code j + 1}. */
    private static boolean orOpt(int[] tour, double[][] d) {
        int n = tour.length;
        boolean improved = false;
        for (int i = 1; i < n; i++) {
            int node = tour[i];
            double removed = d[tour[i - 1]][node] + (i + 1 < n ? d[node][tour[i + 1]] : 0)
                    - (i + 1 < n ? d[tour[i - 1]][tour[i + 1]] : 0);
            for (int j = 0; j < n; j++) {
                if (j == i || j == i - 1) {
                    continue;
                }
                double added = d[tour[j]][node] + (j + 1 < n ? d[node][tour[j + 1]] : 0)
                        - (j + 1 < n ? d[tour[j]][tour[j + 1]] : 0);
                if (added < removed - 1e-12) {
                    move(tour, i, j);
                    improved = true;
                    break;
                }
            }
        }
        return improved;
    }

    /** Takes {@code tour[from]} out and puts it right after the node now at {@code after}. */
    private static void move(int[] tour, int from, int after) {
        int node = tour[from];
        if (after > from) {
            System.arraycopy(tour, from + 1, tour, from, after - from);
            tour[after] = node;
        } else {
            System.arraycopy(tour, after + 1, tour, after + 2, from - after - 1);
            tour[after + 1] = node;
        }
    }

    private static void reverse(int[] tour, int i, int j) {
        for (; i < j; i++, j--) {
            int swap = tour[i];
            tour[i] = tour[j];
            tour[j] = swap;
        }
    }
}
