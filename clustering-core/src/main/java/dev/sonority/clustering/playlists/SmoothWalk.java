package dev.sonority.clustering.playlists;

/**
 * Orders a playlist's songs so each is followed by its nearest not yet played neighbour, starting from the
 * song nearest the centroid: a greedy nearest-neighbour walk, quadratic in the songs, which at most
 * {@code max_songs} (200) keeps cheap.
 */
final class SmoothWalk {

    private SmoothWalk() {
    }

    /** The play order of {@code members} (indices into {@code vectors}). */
    static int[] order(double[][] vectors, int[] members, double[] centroid) {
        int n = members.length;
        boolean[] played = new boolean[n];
        int[] order = new int[n];
        int current = nearest(vectors, members, played, centroid);
        for (int at = 0; at < n; at++) {
            played[current] = true;
            order[at] = members[current];
            if (at + 1 < n) {
                current = nearest(vectors, members, played, vectors[members[current]]);
            }
        }
        return order;
    }

    private static int nearest(double[][] vectors, int[] members, boolean[] played, double[] from) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < members.length; i++) {
            if (!played[i]) {
                double d = Geometry.squaredDistance(vectors[members[i]], from);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = i;
                }
            }
        }
        return best;
    }
}
