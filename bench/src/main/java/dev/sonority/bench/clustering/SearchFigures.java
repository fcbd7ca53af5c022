package dev.sonority.bench.clustering;

import dev.sonority.clustering.Library;
import dev.sonority.clustering.Method;
import dev.sonority.clustering.fitness.FitnessWeights;
import dev.sonority.clustering.search.BatchRunner;
import dev.sonority.clustering.search.SearchSettings;
import dev.sonority.clustering.search.SearchSpace;
import dev.sonority.clustering.search.SearchState;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The default search (KMeans, the reference's ranges, 10,000-song samples, batches of 20) over a generated
 * library of {@code songs} × 200 vectors with 50 mood labels, in this one process: the best fitness after each
 * batch against the elapsed time, and the peak heap. The distributed search (batches on workers) is not built
 * yet, so this is one worker's speed.
 *
 * <p>{@code ./sonority bench clustering search [songs] [runs]}, defaults 100000 and 1000.
 */
final class SearchFigures {

    private SearchFigures() {
    }

    static void run(String[] args) {
        int songs = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        Library library = library(songs, 200, 150, 50, 7);
        SearchSpace space = SearchSpace.defaults(Method.KMEANS).adaptedTo(Math.min(songs, 10_000), 200, 20);
        SearchSettings settings = SearchSettings.of(space, runs, 10_000, FitnessWeights.DEFAULTS, 1);
        SearchState state = new SearchState(settings);
        BatchRunner runner = new BatchRunner(library, settings.sampleSize(), settings.weights());
        System.out.printf("default search, %d songs x 200, %d runs, ranges %s, %d cores%n", songs, runs,
                space.describe(), Runtime.getRuntime().availableProcessors());
        long start = System.nanoTime();
        for (var batch = state.nextBatch(); !batch.isEmpty(); batch = state.nextBatch()) {
            state.accept(runner.run(batch, () -> false));
            List<Double> curve = state.curve();
            System.out.printf("  %7.1f s  runs %4d  best fitness %.5f%n", (System.nanoTime() - start) / 1e9,
                    state.finishedRuns(), curve.getLast());
        }
        System.out.printf("done after %.1f s, %d runs%s; peak heap %d MB%n", (System.nanoTime() - start) / 1e9,
                state.finishedRuns(), state.stoppedEarly() ? " (early stop)" : "", peakHeapMb());
    }

    /** Songs around {@code groups} centres (noise 0.5), each group with a dominant label among {@code labels}. */
    static Library library(int songs, int d, int groups, int labels, long seed) {
        double[][] vectors = ClusteringBench.generate(songs, d, groups, 0.5, seed);
        SplittableRandom random = new SplittableRandom(seed);
        long[] ids = new long[songs];
        String[] genres = new String[songs];
        double[][] scores = new double[songs][labels];
        double[] tempos = new double[songs];
        List<String> names = new ArrayList<>();
        for (int j = 0; j < labels; j++) {
            names.add("tag" + j);
        }
        for (int i = 0; i < songs; i++) {
            ids[i] = i + 1;
            genres[i] = "genre" + (i % 12);
            for (int j = 0; j < labels; j++) {
                scores[i][j] = random.nextDouble() * 0.3;
            }
            scores[i][nearest(vectors[i], d) % labels] += 0.6;
            tempos[i] = 60 + random.nextDouble() * 100;
        }
        return new Library(ids, vectors, genres, names, scores, tempos, "tags");
    }

    /** A stand-in for the song's group: the sign pattern of its first coordinates. */
    private static int nearest(double[] v, int d) {
        int code = 0;
        for (int j = 0; j < Math.min(8, d); j++) {
            code = code * 2 + (v[j] > 0 ? 1 : 0);
        }
        return code;
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }
}
