package dev.sonority.bench.map;

import dev.sonority.bench.clustering.ClusteringBench;
import dev.sonority.clustering.map.Layout;
import dev.sonority.clustering.map.MapMethod;
import dev.sonority.clustering.map.MapProjection;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import smile.graph.NearestNeighborGraph;

/**
 * The MAP task's projection as the worker runs it ({@link MapProjection}) on {@code n} × {@code d} vectors (70
 * overlapping Gaussian clusters, {@link ClusteringBench#generate}): UMAP's two steps timed apart (the k-NN graph by
 * Smile's NN-descent, then the layout) and PCA, with pynndescent's k-NN graph of the same matrix in the same run
 * (Debian's {@code python3-pynndescent} through {@code /usr/bin/python3}) as the baseline of the graph step. Both
 * graphs' recall@15 is measured against brute force on the same 200 rows, so a faster graph is not a worse one
 * unnoticed. Goal: UMAP (graph + layout) ≤ 120 s for 100,000 × 200 on 2 cores.
 *
 * <p>{@code ./sonority bench map [n] [d] [python]}, defaults 100000 200 /usr/bin/python3.
 */
public final class MapBench {

    static final long SEED = 42;
    static final int QUERIES = 200;

    private MapBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int d = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        String python = args.length > 2 ? args[2] : "/usr/bin/python3";
        double[][] data = ClusteringBench.generate(n, d, 70, 0.5, SEED);
        int[] queries = new SplittableRandom(SEED).ints(QUERIES, 0, n).toArray();
        int k = MapProjection.NEIGHBOURS;

        long start = System.nanoTime();
        NearestNeighborGraph graph = MapProjection.neighbours(data, SEED);
        double graphSeconds = seconds(start);
        double recall = recall(data, graph, queries, k);
        System.out.printf("smile k-NN graph: %.1f s, recall@%d %.3f%n", graphSeconds, k, recall);
        start = System.nanoTime();
        double[][] layout = MapProjection.umap(data, graph, SEED);
        double layoutSeconds = seconds(start);
        System.out.printf("UMAP layout: %.1f s (%d points)%n", layoutSeconds, layout.length);
        start = System.nanoTime();
        Layout pca = MapProjection.project(data, MapMethod.PCA, SEED);
        double pcaSeconds = seconds(start);
        System.out.printf("PCA: %.1f s (%d points)%n", pcaSeconds, pca.points().length);

        double[] baseline = pynndescent(python, data, n, d, k, queries);
        System.out.printf("Map of %d x %d on %d cores:%n", n, d, Runtime.getRuntime().availableProcessors());
        System.out.printf("  UMAP %.1f s = graph %.1f s + layout %.1f s (goal <= 120 s); PCA %.1f s%n",
                graphSeconds + layoutSeconds, graphSeconds, layoutSeconds, pcaSeconds);
        System.out.printf("  k-NN graph (k = %d): Smile %.1f s (recall %.3f), pynndescent %.1f s (recall %.3f):"
                + " ratio Smile / pynndescent %.2f%n", k, graphSeconds, recall, baseline[0], baseline[1],
                graphSeconds / baseline[0]);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Share of each query row's true k nearest (brute force, Euclidean) that the graph lists. */
    static double recall(double[][] data, NearestNeighborGraph graph, int[] queries, int k) {
        long hits = 0;
        for (int q : queries) {
            double[] dist = new double[data.length];
            for (int j = 0; j < data.length; j++) {
                double s = 0;
                for (int c = 0; c < data[q].length; c++) {
                    double diff = data[q][c] - data[j][c];
                    s += diff * diff;
                }
                dist[j] = j == q ? Double.POSITIVE_INFINITY : s;
            }
            double[] sorted = dist.clone();
            java.util.Arrays.sort(sorted);
            double kth = sorted[k - 1];
            for (int j : graph.neighbors()[q]) {
                if (j != q && dist[j] <= kth) {
                    hits++;
                }
            }
        }
        return hits / (double) (k * queries.length);
    }

    /** pynndescent's graph time and recall on the same matrix and query rows. */
    private static double[] pynndescent(String python, double[][] data, int n, int d, int k, int[] queries)
            throws Exception {
        Path dir = Files.createTempDirectory("map-bench");
        Path matrix = dir.resolve("data.f64");
        Path script = dir.resolve("pynndescent_graph.py");
        try {
            ClusteringBench.write(matrix, data);
            try (InputStream in = MapBench.class.getResourceAsStream("pynndescent_graph.py")) {
                Files.copy(in, script);
            }
            String rows = java.util.Arrays.stream(queries).mapToObj(String::valueOf).collect(Collectors.joining(","));
            Process process = new ProcessBuilder(python, script.toString(), matrix.toString(), String.valueOf(n),
                    String.valueOf(d), String.valueOf(k), String.valueOf(SEED), rows)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            List<String> lines = new ArrayList<>(new String(process.getInputStream().readAllBytes()).lines().toList());
            if (process.waitFor() != 0 || lines.size() != 1) {
                throw new IllegalStateException(python + " failed (is python3-pynndescent installed?): " + lines);
            }
            String[] parts = lines.getFirst().split(" ");
            return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])};
        } finally {
            Files.deleteIfExists(matrix);
            Files.deleteIfExists(script);
            Files.deleteIfExists(dir);
        }
    }
}
