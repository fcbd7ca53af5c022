package dev.sonority.clustering.search;

import dev.sonority.clustering.RunParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The parent's side of the evolutionary search: which runs the next batch holds, what the finished batches
 * taught (elite set, best-fitness curve) and when to stop. It never runs a clustering itself, so the batches
 * can run anywhere: in this process ({@link LocalSearch}) or on any worker.
 *
 * <p>Deterministic for a seed as long as batches are {@link #accept accepted} in the order they were
 * {@link #nextBatch issued}: every random number comes from one generator seeded once. A {@link #nextWindow window}
 * of batches is issued before any of them is accepted, so its batches can run at the same time.
 */
public final class SearchState {

    private final SearchSettings settings;
    private final ParameterSampler sampler;
    private final SplittableRandom random;
    private final EliteSet elites;
    private final List<Double> curve = new ArrayList<>();
    private int issued;
    private int finished;
    private int batchesWithoutImprovement;

    public SearchState(SearchSettings settings) {
        this.settings = settings;
        this.sampler = new ParameterSampler(settings.space());
        this.random = new SplittableRandom(settings.seed());
        this.elites = new EliteSet(settings.eliteSize());
    }

    /** The next batch's runs; empty once all runs are issued or the search stopped early. */
    public List<RunParameters> nextBatch() {
        if (stopped()) {
            return List.of();
        }
        int size = Math.min(settings.batchSize(), settings.runs() - issued);
        List<RunParameters> batch = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            batch.add(exploiting() && random.nextDouble() < settings.exploitationProbability()
                    ? sampler.mutate(randomElite(), random)
                    : sampler.sample(random));
        }
        issued += size;
        return batch;
    }

    /**
     * The next {@link SearchSettings#window()} batches (fewer at the end; empty once stopped), issued before any
     * of them is accepted. Accept them in this order, and stop accepting once {@link #patienceSpent()}: the rest of
     * the window is dropped, wherever it ran, so the search is the same whatever finished first.
     */
    public List<List<RunParameters>> nextWindow() {
        List<List<RunParameters>> window = new ArrayList<>(settings.window());
        for (int i = 0; i < settings.window(); i++) {
            List<RunParameters> batch = nextBatch();
            if (batch.isEmpty()) {
                break;
            }
            window.add(batch);
        }
        return window;
    }

    /** True once {@code patience} accepted batches in a row found nothing better. */
    public boolean patienceSpent() {
        return batchesWithoutImprovement >= settings.patience();
    }

    /** Takes a finished batch's outcomes (possibly fewer than issued, when it was cancelled). */
    public void accept(List<RunOutcome> outcomes) {
        boolean improved = false;
        for (RunOutcome outcome : outcomes) {
            improved |= elites.offer(outcome);
        }
        finished += outcomes.size();
        batchesWithoutImprovement = improved ? 0 : batchesWithoutImprovement + 1;
        curve.add(elites.best().map(RunOutcome::fitness).orElse(Double.NaN));
    }

    /** True once all runs are done or {@code patience} batches in a row found nothing better. */
    public boolean stopped() {
        return issued >= settings.runs() || batchesWithoutImprovement >= settings.patience();
    }

    public boolean stoppedEarly() {
        return patienceSpent() && finished < settings.runs();
    }

    public EliteSet elites() {
        return elites;
    }

    /** The best fitness after each accepted batch. */
    public List<Double> curve() {
        return List.copyOf(curve);
    }

    public int finishedRuns() {
        return finished;
    }

    private boolean exploiting() {
        return !elites.isEmpty() && issued >= settings.explorationFraction() * settings.runs();
    }

    private RunParameters randomElite() {
        List<RunOutcome> all = elites.elites();
        return all.get(random.nextInt(all.size())).parameters();
    }
}
