package dev.sonority.api.discovery.path;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses a path's songs from the candidates of each point as one global search, where AudioMuse-AI picks point
 * by point (the nearest candidate that fits, which strands the path far from the next point now and then and
 * makes it jump). The objective is the smallest largest step first, then the shortest total length, under
 * {@link PathRules}.
 *
 * <p>A beam search over the layers: each path kept is extended by every candidate of the next layer that its
 * rules allow, ranked by what it has plus the exact best completion of the relaxed problem ({@link Completions},
 * where only the rules between neighbours count), and the best {@value #BEAM} are kept, at most
 * {@value #PER_SONG} ending at the same song so the beam stays varied. Were the rules over the whole path (a
 * song or a work once, the artist cap) never binding, the first pass would be exact; where they bind, the beam
 * keeps the alternatives. A second pass then looks for the shortest path whose steps are no longer than the
 * first pass's largest step, and the better of the two wins; it is skipped when the relaxed bounds already prove
 * the first pass's path optimal, which is the common case.
 */
public final class PathSearch {

    static final int BEAM = 32;
    /** A fixed-size search whose beam lost every complete path tries again this many times wider. */
    static final int WIDER = 4;
    /** Songs a depth-first search may try before a fixed-size path is given up. */
    static final int DEPTH_FIRST_BUDGET = 200_000;
    static final int PER_SONG = 3;

    /** A state and how good it can still become: first key, then second key, smaller is better. */
    private record Ranked(PathState state, double first, double second) {
    }

    private static final Comparator<Ranked> BEST_FIRST = Comparator.comparingDouble(Ranked::first)
            .thenComparingDouble(Ranked::second).thenComparingLong(r -> r.state().song().id());

    private PathSearch() {
    }

    /**
     * @param candidates the candidates of each point between the end songs, nearest to their point first
     * @return the best path from {@code from} to {@code to}; empty only with {@code fixedSize} when no path gives
     *     every point a song
     */
    public static Optional<FoundPath> best(PathSong from, PathSong to, List<List<PathSong>> candidates, PathRules rules) {
        return best(from, to, candidates, rules, BEAM);
    }

    static Optional<FoundPath> best(PathSong from, PathSong to, List<List<PathSong>> candidates, PathRules rules,
            int width) {
        PathGraph graph = PathGraph.of(from, to, candidates, rules);
        if (graph == null) {
            return Optional.empty();
        }
        Completions lexicographic = Completions.lexicographic(graph);
        Optional<FoundPath> first = beam(graph, lexicographic, true, width);
        if (first.isEmpty() && rules.fixedSize()) {
            // the rules over the whole path bind so tightly that every path the beam kept got stuck: a wider beam
            // keeps more of the others (without fixedSize a stuck path leaves a point out instead), and failing
            // that a depth-first search finds a complete path if there is one within its budget
            width *= WIDER;
            first = beam(graph, lexicographic, true, width);
            if (first.isEmpty()) {
                first = depthFirst(graph, lexicographic);
            }
        }
        if (first.isEmpty()) {
            return first;
        }
        double threshold = first.get().maxStep() + 1e-12; // the same steps, recomputed identically
        Completions underThreshold = Completions.underThreshold(graph, threshold);
        if (first.get().maxStep() <= lexicographic.after(graph.from, 0)[0] + 1e-12
                && first.get().totalDistance() <= underThreshold.after(graph.from, 0)[1] + 1e-12) {
            return first; // the relaxed bounds prove it optimal: no largest step, then no total, can be smaller
        }
        Optional<FoundPath> found = first;
        Optional<FoundPath> second = beam(graph, underThreshold, false, width);
        return second.filter(path -> path.betterThan(found.get())).or(() -> found);
    }

    private static Optional<FoundPath> beam(PathGraph graph, Completions ahead, boolean largestFirst, int width) {
        List<PathState> beam = List.of(PathState.start(graph.from));
        for (int i = 0; i < graph.size(); i++) {
            List<Ranked> next = new ArrayList<>();
            for (PathState state : beam) {
                if (!grow(graph, ahead, largestFirst, state, i, next) && !graph.rules().fixedSize()) {
                    // no candidate of this point fits this path: it leaves the point out
                    double[] completion = ahead.after(state.song(), i + 1);
                    next.add(rank(state, completion[0], completion[1], largestFirst));
                }
            }
            if (next.isEmpty()) {
                return Optional.empty();
            }
            beam = select(next, width);
        }
        return finish(graph, ahead, beam);
    }

    /** Adds every allowed extension of {@code state} by a song of layer {@code i}; whether there was one. */
    private static boolean grow(PathGraph graph, Completions ahead, boolean largestFirst, PathState state, int i,
            List<Ranked> next) {
        PathSong[] layer = graph.layers.get(i);
        boolean grew = false;
        for (int c = 0; c < layer.length; c++) {
            double step = state.layer() == i - 1 ? graph.in[i][state.index()][c]
                    : PathGraph.distance(state.song(), layer[c]);
            if (!ahead.allowed(step) || !graph.allows(state, i, c)) {
                continue;
            }
            PathState child = state.then(layer[c], i, c, graph.artists[i][c], graph.works[i][c], step);
            next.add(rank(child, ahead.largest[i][c], ahead.total[i][c], largestFirst));
            grew = true;
        }
        return grew;
    }

    private static Ranked rank(PathState state, double largestAhead, double totalAhead, boolean largestFirst) {
        double largest = Math.max(state.largest(), largestAhead);
        double total = state.total() + totalAhead;
        return largestFirst ? new Ranked(state, largest, total) : new Ranked(state, total, largest);
    }

    /**
     * A complete path by depth-first search, each layer's songs tried best completion first, backtracking from
     * dead ends; empty when there is none, or none within {@value #DEPTH_FIRST_BUDGET} songs tried.
     */
    private static Optional<FoundPath> depthFirst(PathGraph graph, Completions ahead) {
        int[] budget = {DEPTH_FIRST_BUDGET};
        PathState last = depthFirst(graph, ahead, PathState.start(graph.from), 0, budget);
        return last == null ? Optional.empty() : finish(graph, ahead, List.of(last));
    }

    private static PathState depthFirst(PathGraph graph, Completions ahead, PathState state, int i, int[] budget) {
        if (i == graph.size()) {
            return state; // every song's completion was finite, so the step to the end song is allowed
        }
        List<Ranked> next = new ArrayList<>();
        grow(graph, ahead, true, state, i, next);
        next.sort(BEST_FIRST);
        for (Ranked child : next) {
            if (--budget[0] < 0) {
                return null;
            }
            if (ahead.total[i][child.state().index()] == Double.POSITIVE_INFINITY) {
                continue; // no completion at all from this song, even without the whole-path rules
            }
            PathState end = depthFirst(graph, ahead, child.state(), i + 1, budget);
            if (end != null) {
                return end;
            }
        }
        return null;
    }

    private static List<PathState> select(List<Ranked> ranked, int width) {
        ranked.sort(BEST_FIRST);
        List<PathState> kept = new ArrayList<>(Math.min(width, ranked.size()));
        Map<Long, Integer> perSong = new HashMap<>();
        for (Ranked r : ranked) {
            if (kept.size() == width) {
                break;
            }
            if (perSong.merge(r.state().song().id(), 1, Integer::sum) <= PER_SONG) {
                kept.add(r.state());
            }
        }
        return kept;
    }

    private static Optional<FoundPath> finish(PathGraph graph, Completions ahead, List<PathState> beam) {
        FoundPath best = null;
        int last = graph.size() - 1;
        for (PathState state : beam) {
            double step = state.layer() == last ? graph.out[state.index()] : PathGraph.distance(state.song(), graph.to);
            if (state.parent() != null && !ahead.allowed(step)) {
                continue; // the end songs themselves are the caller's: a direct step between them is always taken
            }
            PathState end = state.then(graph.to, last + 1, 0, PathGraph.NONE, PathGraph.NONE, step);
            FoundPath path = new FoundPath(end.songs(), steps(end));
            if (best == null || path.betterThan(best)) {
                best = path;
            }
        }
        return Optional.ofNullable(best);
    }

    private static double[] steps(PathState end) {
        List<Double> steps = new ArrayList<>();
        for (PathState state = end; state.parent() != null; state = state.parent()) {
            steps.add(state.step());
        }
        double[] ordered = new double[steps.size()];
        for (int i = 0; i < ordered.length; i++) {
            ordered[i] = steps.get(ordered.length - 1 - i);
        }
        return ordered;
    }
}
