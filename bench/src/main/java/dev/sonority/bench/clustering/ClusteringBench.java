package dev.sonority.bench.clustering;

import dev.sonority.clustering.fit.LloydKMeans;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import smile.clustering.CentroidClustering;
import smile.clustering.Clustering;
import smile.clustering.KMeans;
import smile.math.MathEx;

/**
 * One KMeans fit as the clustering search runs it ({@link LloydKMeans}: greedy k-means++ seeding, one
 * initialisation, at most 300 iterations) against scikit-learn's {@code KMeans} with the same k, {@code n_init=1} and {@code max_iter} on
 * the same matrix, timed in the same run (Debian's {@code python3-sklearn} through {@code /usr/bin/python3}).
 * Prints the best-of-N times, their ratio (goal: Smile ≥ 2× faster) and the ratio of the best inertias (goal:
 * within 1 %). One fit of Smile's KMeans is timed too, as the record of why the search does not use it; its
 * inertia is recomputed here from its groups and centres, the sum of squared distances scikit-learn reports.
 *
 * <p>The data: {@code n} songs around 70 centres in {@code d} dimensions (uniform in [-1, 1]) with Gaussian
 * noise of deviation 0.5, so the clusters overlap as embedding clusters do.
 *
 * <p>{@code ./sonority bench clustering [n] [d] [k] [repeats] [python]}, defaults 10000 200 70 3 /usr/bin/python3;
 * {@code ./sonority bench clustering search [songs] [runs]}: the default search's figures ({@link SearchFigures}).
 */
public final class ClusteringBench {

    static final int MAX_ITERATIONS = 300;

    private ClusteringBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("search")) {
            SearchFigures.run(args);
            return;
        }
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int d = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int k = args.length > 2 ? Integer.parseInt(args[2]) : 70;
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        String python = args.length > 4 ? args[4] : "/usr/bin/python3";
        double[][] data = generate(n, d, 70, 0.5, 42);

        LloydKMeans.fit(data, k, MAX_ITERATIONS, 0); // warm-up: JIT
        double oursSeconds = Double.POSITIVE_INFINITY;
        double oursInertia = Double.POSITIVE_INFINITY;
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            LloydKMeans.Result fit = LloydKMeans.fit(data, k, MAX_ITERATIONS, r + 1);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("sonority repeat %d: %.3f s, inertia %.6g, %d iterations%n", r + 1, seconds,
                    fit.inertia(), fit.iterations());
            oursSeconds = Math.min(oursSeconds, seconds);
            oursInertia = Math.min(oursInertia, fit.inertia());
        }
        MathEx.setSeed(1);
        long start = System.nanoTime();
        CentroidClustering<double[], double[]> smile = KMeans.fit(data, new Clustering.Options(k, MAX_ITERATIONS));
        double smileSeconds = (System.nanoTime() - start) / 1e9;
        double smileInertia = inertia(data, smile);
        System.out.printf("smile    once:     %.3f s, inertia %.6g (not used: the reason for LloydKMeans)%n",
                smileSeconds, smileInertia);

        double[] sklearn = scikitLearn(python, data, n, d, k, repeats);
        System.out.printf("KMeans %d x %d, k=%d, n_init=1, max_iter=%d, best of %d, %d cores:%n", n, d, k,
                MAX_ITERATIONS, repeats, Runtime.getRuntime().availableProcessors());
        System.out.printf("  Sonority %.3f s, scikit-learn %.3f s: %.2fx faster (goal >= 2x); Smile once %.3f s%n",
                oursSeconds, sklearn[0], sklearn[0] / oursSeconds, smileSeconds);
        System.out.printf("  inertia Sonority %.6g, scikit-learn %.6g: ratio %.4f (goal within 1 %%); Smile %.4f%n",
                oursInertia, sklearn[1], oursInertia / sklearn[1], smileInertia / sklearn[1]);
    }

    public static double[][] generate(int n, int d, int centres, double noise, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] centre = new double[centres][d];
        for (double[] c : centre) {
            for (int j = 0; j < d; j++) {
                c[j] = random.nextDouble() * 2 - 1;
            }
        }
        double[][] data = new double[n][d];
        for (int i = 0; i < n; i++) {
            double[] c = centre[random.nextInt(centres)];
            for (int j = 0; j < d; j++) {
                data[i][j] = c[j] + noise * Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
                        * Math.cos(2 * Math.PI * random.nextDouble());
            }
        }
        return data;
    }

    static double inertia(double[][] data, CentroidClustering<double[], double[]> fit) {
        double sum = 0;
        for (int i = 0; i < data.length; i++) {
            double[] c = fit.center(fit.group(i));
            for (int j = 0; j < c.length; j++) {
                double diff = data[i][j] - c[j];
                sum += diff * diff;
            }
        }
        return sum;
    }

    /** scikit-learn's best time and best inertia over {@code repeats} fits. */
    private static double[] scikitLearn(String python, double[][] data, int n, int d, int k, int repeats)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("clustering-bench");
        Path matrix = dir.resolve("data.f64");
        Path script = dir.resolve("sklearn_kmeans.py");
        try {
            write(matrix, data);
            try (InputStream in = ClusteringBench.class.getResourceAsStream("sklearn_kmeans.py")) {
                Files.copy(in, script);
            }
            Process process = new ProcessBuilder(python, script.toString(), matrix.toString(), String.valueOf(n),
                    String.valueOf(d), String.valueOf(k), String.valueOf(MAX_ITERATIONS), String.valueOf(repeats))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            List<String> lines = new ArrayList<>(new String(process.getInputStream().readAllBytes()).lines().toList());
            if (process.waitFor() != 0 || lines.size() != repeats) {
                throw new IllegalStateException(python + " failed (is python3-sklearn installed?): " + lines);
            }
            double best = Double.POSITIVE_INFINITY;
            double inertia = Double.POSITIVE_INFINITY;
            for (int r = 0; r < lines.size(); r++) {
                String[] parts = lines.get(r).split(" ");
                System.out.printf("sklearn repeat %d: %.3f s, inertia %.6g%n", r + 1, Double.parseDouble(parts[0]),
                        Double.parseDouble(parts[1]));
                best = Math.min(best, Double.parseDouble(parts[0]));
                inertia = Math.min(inertia, Double.parseDouble(parts[1]));
            }
            return new double[] {best, inertia};
        } finally {
            Files.deleteIfExists(matrix);
            Files.deleteIfExists(script);
            Files.deleteIfExists(dir);
        }
    }

    public static void write(Path path, double[][] data) {
        ByteBuffer row = ByteBuffer.allocate(data[0].length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel out = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (double[] r : data) {
                row.clear();
                for (double v : r) {
                    row.putDouble(v);
                }
                row.flip();
                while (row.hasRemaining()) {
                    out.write(row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
