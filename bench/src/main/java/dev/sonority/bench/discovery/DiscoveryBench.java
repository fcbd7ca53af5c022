package dev.sonority.bench.discovery;

import dev.sonority.api.discovery.alchemy.Alchemy;
import dev.sonority.api.discovery.alchemy.AlchemyItem;
import dev.sonority.api.discovery.alchemy.AlchemyQuery;
import dev.sonority.api.discovery.path.FoundPath;
import dev.sonority.api.discovery.path.GreedyPath;
import dev.sonority.api.discovery.path.PathCandidates;
import dev.sonority.api.discovery.path.PathEnd;
import dev.sonority.api.discovery.path.PathFinder;
import dev.sonority.api.discovery.path.PathQuery;
import dev.sonority.api.discovery.path.PathRules;
import dev.sonority.api.discovery.path.PathSearch;
import dev.sonority.api.discovery.path.PathSong;
import dev.sonority.bench.BenchArgs;
import dev.sonority.bench.api.BenchLibrary;
import dev.sonority.bench.api.LatencySample;
import dev.sonority.bench.search.BenchVectors;
import dev.sonority.model.vector.store.VectorFilter;
import dev.sonority.model.vector.store.VectorHit;
import dev.sonority.model.vector.store.VectorStore;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Song paths and alchemy on a generated library: {@code --songs} (100,000) x {@code --dim} (512) clustered unit
 * vectors of model clap (the search bench's library), api-service started in this JVM ({@link InProcessApi})
 * and its discovery services called directly over its embedded Lucene index:
 * <ol>
 *   <li>baseline: one nearest-neighbour search of the index (k = {@value PathFinder#PER_POINT}), p50/p99;</li>
 *   <li>a {@code --steps} (25) song path between random songs: {@code PathFinder.find} (ends, candidates of the
 *       23 points, global search, the songs' fields), p50/p99, and the whole {@code GET /api/v1/path} over
 *       HTTP on the same service;</li>
 *   <li>alchemy with 3 ADD and 2 SUBTRACT songs (the SUBTRACT songs from an ADD song's neighbourhood), n = 50,
 *       temperature 1: {@code Alchemy.blend} (candidates, subtraction, draw, PCA projection), p50/p99;</li>
 *   <li>quality on {@code --pairs} (200) random pairs: the global search and AudioMuse-AI's greedy choice
 *       ({@code GreedyPath}, the tests' reference) on the same candidates: mean ratios ours / greedy of the
 *       largest step and of the total length, and the floor no choice among those candidates can go below
 *       (a minimax path with every rule relaxed, computed here).</li>
 * </ol>
 * Goals (issue 13): path p99 <= 50 ms, alchemy p99 <= 30 ms, mean largest-step ratio <= 0.8. Run:
 * {@code ./sonority bench discovery [--songs 100000] [--dim 512] [--requests 500] [--pairs 200] [--per-point 16]}
 * ({@code --per-point}: candidates per point in the quality comparison, for both searches).
 */
public final class DiscoveryBench {

    private static final String MODEL = "clap";
    private static final PathRules RULES = new PathRules(PathQuery.DEFAULT_MAX_PER_ARTIST,
            PathQuery.DEFAULT_DUPLICATE_DISTANCE, false);

    private DiscoveryBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args);
        int songs = options.integer("songs", 100_000);
        int dim = options.integer("dim", 512);
        int requests = options.integer("requests", 500);
        int pairs = options.integer("pairs", 200);
        int steps = options.integer("steps", PathQuery.DEFAULT_STEPS);
        long seed = options.integer("seed", 42);
        int clusters = options.integer("clusters", Math.max(1, songs / 500));
        double spread = options.decimal("spread", 1.0);
        double subtractDistance = options.decimal("subtract-distance", 0.3);
        Path snapshots = Files.createTempDirectory("discovery-bench-index-");
        try (BenchLibrary library = BenchLibrary.create()) {
            System.out.printf(Locale.ROOT, "DiscoveryBench: %,d x %d vectors in %d clusters (spread %.2f), database %s,"
                    + " %d cores, vector module %s%n", songs, dim, clusters, spread, library.name(),
                    Runtime.getRuntime().availableProcessors(),
                    ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() ? "on" : "off (slower dot products)");
            try (InProcessApi schema = InProcessApi.start(library, snapshots)) {
                System.out.println("schema applied (first start, empty library)");
            }
            long t = System.nanoTime();
            BenchVectors data = new BenchVectors(seed, songs, dim, clusters, spread);
            try (Connection connection = library.connect()) {
                data.write(connection);
            }
            System.out.printf(Locale.ROOT, "generated and wrote %,d songs with vectors in %.1f s%n", songs, seconds(t));
            t = System.nanoTime();
            try (InProcessApi api = InProcessApi.start(library, snapshots)) {
                VectorStore store = api.bean(VectorStore.class);
                awaitIndex(store, songs);
                System.out.printf(Locale.ROOT, "api started, clap index of %,d songs ready in %.1f s%n", songs, seconds(t));
                Random random = new Random(seed + 1);
                LatencySample baseline = baseline(store, data, random, requests);
                paths(api, songs, steps, random, requests, baseline);
                alchemy(api, store, songs, random, requests, subtractDistance, baseline);
                quality(api, songs, steps, random, pairs, options.integer("per-point", PathFinder.PER_POINT));
            }
        } finally {
            try (var files = Files.walk(snapshots)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void awaitIndex(VectorStore store, int songs) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (!store.ready(MODEL) || store.size(MODEL) < songs) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the clap index never became ready");
            }
            Thread.sleep(200);
        }
        Thread.sleep(3_000); // the song directory's first load (SEARCH_SONG_REFRESH), so no answer needs SQL
    }

    private static LatencySample baseline(VectorStore store, BenchVectors data, Random random, int requests) {
        for (int i = 0; i < 300; i++) {
            nearest(store, data, random);
        }
        LatencySample sample = new LatencySample(requests);
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            nearest(store, data, random);
            sample.add(System.nanoTime() - start);
        }
        System.out.printf(Locale.ROOT, "baseline: one nearest-neighbour search of the index (k %d) p50 %.2f ms p99 %.2f ms%n",
                PathFinder.PER_POINT, sample.percentileMillis(50), sample.percentileMillis(99));
        return sample;
    }

    private static void nearest(VectorStore store, BenchVectors data, Random random) {
        int song = random.nextInt(data.vectors.length);
        List<VectorHit> hits = store.nearest(MODEL, data.vectors[song], PathFinder.PER_POINT,
                VectorFilter.excluding(Set.of(song + 1L)));
        if (hits.size() != PathFinder.PER_POINT) {
            throw new IllegalStateException("the index answered " + hits.size() + " songs");
        }
    }

    private static void paths(InProcessApi api, int songs, int steps, Random random, int requests,
            LatencySample baseline) throws Exception {
        PathFinder finder = api.bean(PathFinder.class);
        for (int i = 0; i < 100; i++) {
            finder.find(pathQuery(songs, steps, random));
        }
        LatencySample inService = new LatencySample(requests);
        double songsPerPath = 0;
        for (int i = 0; i < requests; i++) {
            PathQuery query = pathQuery(songs, steps, random);
            long start = System.nanoTime();
            PathFinder.Found found = finder.find(query);
            inService.add(System.nanoTime() - start);
            songsPerPath += found.path().songs().size();
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        LatencySample overHttp = new LatencySample(requests);
        for (int i = 0; i < requests + 50; i++) {
            int from = random.nextInt(songs);
            int to = random.nextInt(songs);
            URI uri = URI.create("http://127.0.0.1:" + api.port() + "/api/v1/path?steps=" + steps + "&from="
                    + encoded(BenchVectors.path(from)) + "&to=" + encoded(BenchVectors.path(to == from ? (to + 1) % songs : to)));
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("path answered " + response.statusCode() + ": " + response.body());
            }
            if (i >= 50) {
                overHttp.add(System.nanoTime() - start);
            }
        }
        System.out.printf(Locale.ROOT, "path of %d songs, %d requests: in the service p50 %.1f ms p99 %.1f ms [goal p99"
                        + " <= 50 ms] (%.1f songs on average; p99 = %.1f index searches of the baseline); whole"
                        + " GET /api/v1/path over HTTP p50 %.1f ms p99 %.1f ms%n", steps, requests,
                inService.percentileMillis(50), inService.percentileMillis(99), songsPerPath / requests,
                inService.percentileMillis(99) / baseline.percentileMillis(99), overHttp.percentileMillis(50),
                overHttp.percentileMillis(99));
    }

    private static PathQuery pathQuery(int songs, int steps, Random random) {
        int from = random.nextInt(songs);
        int to = random.nextInt(songs - 1);
        to = to >= from ? to + 1 : to;
        return new PathQuery(new PathEnd.Song(from + 1L, BenchVectors.path(from)),
                new PathEnd.Song(to + 1L, BenchVectors.path(to)), steps, null, RULES);
    }

    private static void alchemy(InProcessApi api, VectorStore store, int songs, Random random, int requests,
            double subtractDistance, LatencySample baseline) {
        Alchemy alchemy = api.bean(Alchemy.class);
        for (int i = 0; i < 100; i++) {
            alchemy.blend(alchemyQuery(store, songs, random, i, subtractDistance));
        }
        LatencySample sample = new LatencySample(requests);
        double drawn = 0;
        double filtered = 0;
        for (int i = 0; i < requests; i++) {
            AlchemyQuery query = alchemyQuery(store, songs, random, i, subtractDistance);
            long start = System.nanoTime();
            Alchemy.Answered answered = alchemy.blend(query);
            sample.add(System.nanoTime() - start);
            drawn += answered.answer().songs().size();
            filtered += answered.answer().filteredOut();
        }
        System.out.printf(Locale.ROOT, "alchemy, 3 ADD + 2 SUBTRACT songs, n 50, temperature 1, subtract_distance %.2f,"
                        + " %d requests: in the service p50 %.1f ms p99 %.1f ms [goal p99 <= 30 ms] (%.1f songs drawn,"
                        + " %.1f candidates subtracted on average; p99 = %.1f index searches of the baseline)%n",
                subtractDistance, requests, sample.percentileMillis(50), sample.percentileMillis(99), drawn / requests, filtered / requests,
                sample.percentileMillis(99) / baseline.percentileMillis(99));
    }

    /**
     * Three random songs to add; two songs of the first one's neighbourhood (its 3rd and 8th nearest) to subtract.
     * On this library neighbours are about 0.3 apart (angular), so AudioMuse-AI's default subtract_distance of 0.2
     * would remove almost nothing: the bench subtracts within {@code --subtract-distance} (0.3).
     */
    private static AlchemyQuery alchemyQuery(VectorStore store, int songs, Random random, long seed,
            double subtractDistance) {
        List<AlchemyItem> add = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int song = random.nextInt(songs);
            add.add(new AlchemyItem.Song(song + 1L, BenchVectors.path(song)));
        }
        long first = ((AlchemyItem.Song) add.getFirst()).id();
        List<VectorHit> near = store.nearest(MODEL, store.vector(MODEL, first).orElseThrow(), 9,
                VectorFilter.excluding(Set.of(first)));
        List<AlchemyItem> subtract = List.of(song(near.get(2)), song(near.get(7)));
        return new AlchemyQuery(add, subtract, 50, 1.0, subtractDistance, seed, null);
    }

    private static AlchemyItem song(VectorHit hit) {
        return new AlchemyItem.Song(hit.songId(), BenchVectors.path((int) hit.songId() - 1));
    }

    private static void quality(InProcessApi api, int songs, int steps, Random random, int pairs, int perPoint) {
        PathCandidates candidates = api.bean(PathCandidates.class);
        double maxRatio = 0;
        double totalRatio = 0;
        int better = 0;
        int worse = 0;
        double ourSongs = 0;
        double greedySongs = 0;
        double floorRatio = 0;
        long ourNanos = 0;
        for (int pair = 0; pair < pairs; pair++) {
            PathQuery query = pathQuery(songs, steps, random);
            PathSong from = candidates.song(MODEL, ((PathEnd.Song) query.from()).id()).orElseThrow();
            PathSong to = candidates.song(MODEL, ((PathEnd.Song) query.to()).id()).orElseThrow();
            List<List<PathSong>> layers = candidates.collect(MODEL, from, to, steps, perPoint).layers();
            long start = System.nanoTime();
            FoundPath ours = PathSearch.best(from, to, layers, RULES).orElseThrow();
            ourNanos += System.nanoTime() - start;
            List<PathSong> greedy = GreedyPath.of(from, to, layers, RULES.maxPerArtist(), RULES.duplicateDistance());
            double greedyMax = GreedyPath.maxStep(greedy);
            maxRatio += ours.maxStep() / greedyMax;
            totalRatio += ours.totalDistance() / GreedyPath.total(greedy);
            better += ours.maxStep() < greedyMax - 1e-9 ? 1 : 0;
            worse += ours.maxStep() > greedyMax + 1e-6 ? 1 : 0;
            ourSongs += ours.songs().size();
            greedySongs += greedy.size();
            floorRatio += floor(from, to, layers) / greedyMax;
        }
        System.out.printf(Locale.ROOT, "path quality, %d random pairs, %d songs, the same %d candidates per point:"
                        + " largest step ours / greedy mean %.3f [goal <= 0.8], total length ours / greedy mean %.3f;"
                        + " smaller largest step on %d pairs, larger on %d; songs per path ours %.1f, greedy %.1f;"
                        + " global search alone %.2f ms per path; the floor (the smallest largest step of any path"
                        + " through these candidates, every rule relaxed, points skippable) / greedy mean %.3f%n", pairs,
                steps, perPoint, maxRatio / pairs, totalRatio / pairs, better, worse, ourSongs / pairs,
                greedySongs / pairs, ourNanos / 1e6 / pairs, floorRatio / pairs);
    }

    /**
     * A lower bound of the largest step, independent of the search under test: the minimax path from {@code from}
     * to {@code to} through the layers in order, each step to any later layer, any song (again, of any artist, a
     * near-duplicate): no path the rules allow can have a smaller largest step.
     */
    static double floor(PathSong from, PathSong to, List<List<PathSong>> layers) {
        List<List<PathSong>> all = new ArrayList<>();
        all.add(List.of(from));
        all.addAll(layers);
        all.add(List.of(to));
        List<double[]> best = new ArrayList<>();
        best.add(new double[] {0});
        for (int j = 1; j < all.size(); j++) {
            double[] here = new double[all.get(j).size()];
            java.util.Arrays.fill(here, Double.POSITIVE_INFINITY);
            for (int b = 0; b < here.length; b++) {
                float[] target = all.get(j).get(b).vector();
                for (int i = 0; i < j; i++) {
                    for (int a = 0; a < all.get(i).size(); a++) {
                        double reach = best.get(i)[a];
                        if (reach < here[b]) {
                            here[b] = Math.min(here[b], Math.max(reach, GreedyPath.angle(all.get(i).get(a).vector(),
                                    target)));
                        }
                    }
                }
            }
            best.add(here);
        }
        return best.getLast()[0];
    }

    private static String encoded(String path) {
        return URLEncoder.encode(path, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
