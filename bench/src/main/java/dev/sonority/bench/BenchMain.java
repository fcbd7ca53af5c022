package dev.sonority.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code ./sonority bench NAME [args]}: runs one bench program of this module by its short name. Programs are
 * found by class name at run time, so a name can be listed before its program exists; each program prints
 * its figures next to the baseline it measured in the same run.
 */
public final class BenchMain {

    /** A bench program: its name on the command line, its class, and one line on what it measures. */
    record Bench(String name, String className, String summary) {

        Optional<Method> main() {
            try {
                return Optional.of(Class.forName(className).getMethod("main", String[].class));
            } catch (ClassNotFoundException | NoSuchMethodException e) {
                return Optional.empty();
            }
        }
    }

    static final List<Bench> BENCHES = List.of(
            new Bench("decode", "dev.sonority.bench.decode.DecodeBench",
                    "decode to 16 kHz mono per format, x realtime per core (goal >= 300x) vs source-rate decode and file read"),
            new Bench("tags", "dev.sonority.bench.decode.TagReadBench",
                    "tag reading, files/s on 1 and N threads (goal >= 500/s on 2 cores) vs a stat of each file"),
            new Bench("scan", "dev.sonority.bench.scan.ScanBench",
                    "library scan through the real worker: new and unchanged files/s and peak heap"),
            new Bench("acoustic", "dev.sonority.bench.dsp.AcousticBench",
                    "acoustic_features model on a 4-minute track vs one STFT power pass"),
            new Bench("key", "dev.sonority.bench.dsp.KeyBench",
                    "key estimation on a 4-minute track vs one STFT power pass at its frame size"),
            new Bench("acoustic-full", "dev.sonority.bench.dsp.FullAnalysisBench",
                    "acoustic_features per song as the worker runs it (decode + every descriptor): core-s per 4-min track, 2 vs 1 threads"),
            new Bench("acoustic-eval", "dev.sonority.bench.dsp.AcousticEvalBench",
                    "acoustic search vector vs Lainbow's 55 values: precision@10 on generated albums"),
            new Bench("acoustic-real", "dev.sonority.bench.realmusic.AcousticRealBench",
                    "tempo, key and same-album precision@10 on real recordings (bench/real-music) vs Essentia, and speed vs Essentia"),
            new Bench("inference", "dev.sonority.bench.inference.InferenceBench",
                    "MusiCNN core-s per 4-minute track (goal <= 0.5) and 8 concurrent callers vs 1 (goal >= 1.3x)"),
            new Bench("musicnn-windows", "dev.sonority.bench.inference.WindowsFidelityBench",
                    "MusiCNN with INFERENCE_WINDOWS 32/16/8/4 vs every patch: core-s, cosine, tag/mood diff, overlap@10"),
            new Bench("text", "dev.sonority.bench.text.TextEmbedBench",
                    "POST /v1/embed/text latency, one text per request (goal p99 <= 20 ms on CPU) vs the HTTP round trip"),
            new Bench("stats", "dev.sonority.bench.api.StatsBench",
                    "GET /api/v1/stats latency on a large library"),
            new Bench("search", "dev.sonority.bench.search.SearchBench",
                    "similar songs on 100,000 x 512 vectors: p99 in service, recall@10, requests/s, build, restart, memory"),
            new Bench("discovery", "dev.sonority.bench.discovery.DiscoveryBench",
                    "song paths and alchemy on 100,000 x 512 vectors in the service (goals p99 <= 50 / 30 ms), path quality vs greedy"),
            new Bench("clustering", "dev.sonority.bench.clustering.ClusteringBench",
                    "one KMeans fit, 10,000 x 200, k=70 (LloydKMeans) vs scikit-learn's in the same run: time (goal >= 2x) and inertia ratios"),
            new Bench("map", "dev.sonority.bench.map.MapBench",
                    "the library map of 100,000 x 200 vectors: UMAP (goal <= 120 s) and PCA, k-NN graph vs pynndescent's in the same run"));

    private BenchMain() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("list")) {
            System.out.print(list());
            return;
        }
        Optional<Bench> bench = BENCHES.stream().filter(b -> b.name().equals(args[0])).findFirst();
        if (bench.isEmpty()) {
            System.err.print("Unknown bench '" + args[0] + "'.\n" + list());
            System.exit(2);
            return;
        }
        Optional<Method> main = bench.get().main();
        if (main.isEmpty()) {
            System.err.print("Bench '" + args[0] + "' (" + bench.get().className() + ") is not built into this jar yet.\n" + list());
            System.exit(2);
            return;
        }
        try {
            main.get().invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** One line per bench; those whose program is missing are marked. */
    static String list() {
        StringBuilder text = new StringBuilder("Usage: ./sonority bench NAME [options of that bench]\nBenches:\n");
        for (Bench bench : BENCHES) {
            text.append(String.format("  %-9s %s%s%n", bench.name(), bench.summary(), bench.main().isPresent() ? "" : " (not available yet)"));
        }
        return text.toString();
    }
}
