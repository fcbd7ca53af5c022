package dev.sonority.api.discovery.path;

/**
 * The best way to finish a path from each candidate, when only the rules between neighbours count (no
 * near-duplicate step, no song right after itself, steps no longer than a threshold) and not those over the
 * whole path (no song or work twice, the artist cap). Computed backwards layer by layer, exactly, it is a bound
 * the real completion can only match or exceed, so the beam search uses it to look ahead.
 *
 * <p>Two objectives: the smallest largest step, then the shortest total ({@link #lexicographic}); or the
 * shortest total with no step above a threshold ({@link #underThreshold}).
 */
final class Completions {

    private final PathGraph graph;
    private final double threshold;
    private final boolean lexicographic;
    /** {@code largest[i][b]}: the largest step of the best completion from song {@code b} of layer {@code i}. */
    final double[][] largest;
    /** {@code total[i][b]}: its total length. Infinite: no completion exists. */
    final double[][] total;

    private Completions(PathGraph graph, double threshold, boolean lexicographic) {
        this.graph = graph;
        this.threshold = threshold;
        this.lexicographic = lexicographic;
        int m = graph.size();
        largest = new double[m][];
        total = new double[m][];
        for (int i = m - 1; i >= 0; i--) {
            PathSong[] layer = graph.layers.get(i);
            largest[i] = new double[layer.length];
            total[i] = new double[layer.length];
            for (int b = 0; b < layer.length; b++) {
                double[] best = i == m - 1 ? finish(graph.out[b]) : through(i + 1, layer[b].id(), graph.in[i + 1][b]);
                largest[i][b] = best[0];
                total[i][b] = best[1];
            }
        }
    }

    static Completions lexicographic(PathGraph graph) {
        return new Completions(graph, Double.POSITIVE_INFINITY, true);
    }

    static Completions underThreshold(PathGraph graph, double threshold) {
        return new Completions(graph, threshold, false);
    }

    /**
     * The best completion of a path whose last song is {@code song} and whose next layer is {@code next}
     * ({@code graph.size()}: only the step to the end song is left); distances computed on the spot.
     */
    double[] after(PathSong song, int next) {
        if (next == graph.size()) {
            return finish(PathGraph.distance(song, graph.to));
        }
        PathSong[] layer = graph.layers.get(next);
        double[] steps = new double[layer.length];
        for (int c = 0; c < layer.length; c++) {
            steps[c] = PathGraph.distance(song, layer[c]);
        }
        return through(next, song.id(), steps);
    }

    /** Whether {@code a} (largest step, total) is a better completion than {@code b}. */
    boolean better(double largestA, double totalA, double largestB, double totalB) {
        if (lexicographic && largestA != largestB) {
            return largestA < largestB;
        }
        return totalA < totalB;
    }

    /** Whether a step may be taken at all under this objective (not a near-duplicate, not above the threshold). */
    boolean allowed(double step) {
        return !graph.nearDuplicate(step) && step <= threshold;
    }

    private double[] finish(double step) {
        return allowed(step) ? new double[] {step, step} : new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
    }

    /** The best completion through one song of layer {@code next}, {@code steps[c]} away from the song before. */
    private double[] through(int next, long fromId, double[] steps) {
        PathSong[] layer = graph.layers.get(next);
        double bestLargest = Double.POSITIVE_INFINITY;
        double bestTotal = Double.POSITIVE_INFINITY;
        for (int c = 0; c < layer.length; c++) {
            double step = steps[c];
            if (layer[c].id() == fromId || !allowed(step) || total[next][c] == Double.POSITIVE_INFINITY) {
                continue;
            }
            double candidateLargest = Math.max(step, largest[next][c]);
            double candidateTotal = step + total[next][c];
            if (better(candidateLargest, candidateTotal, bestLargest, bestTotal)) {
                bestLargest = candidateLargest;
                bestTotal = candidateTotal;
            }
        }
        return new double[] {bestLargest, bestTotal};
    }
}
