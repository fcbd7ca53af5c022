package dev.sonority.clustering.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The best runs so far, at most {@code capacity}, best first. Ties keep the earlier run, so the set (and
 * with it the whole search) depends only on the order outcomes arrive in.
 */
public final class EliteSet {

    private static final Comparator<RunOutcome> BEST_FIRST = Comparator.comparingDouble(RunOutcome::fitness).reversed();

    private final int capacity;
    private final List<RunOutcome> elites = new ArrayList<>();

    public EliteSet(int capacity) {
        this.capacity = capacity;
    }

    /** Adds an outcome; true if it is a new best. */
    public boolean offer(RunOutcome outcome) {
        boolean best = elites.isEmpty() || outcome.fitness() > elites.getFirst().fitness();
        elites.add(outcome);
        elites.sort(BEST_FIRST); // stable: an equal later outcome stays behind the earlier one
        if (elites.size() > capacity) {
            elites.removeLast();
        }
        return best;
    }

    public Optional<RunOutcome> best() {
        return elites.isEmpty() ? Optional.empty() : Optional.of(elites.getFirst());
    }

    public List<RunOutcome> elites() {
        return List.copyOf(elites);
    }

    public boolean isEmpty() {
        return elites.isEmpty();
    }
}
