package dev.sonority.bench.dsp;

import dev.sonority.audio.acoustic.AcousticFeatureExtractor;
import dev.sonority.audio.acoustic.AcousticFeatures;
import dev.sonority.audio.acoustic.AcousticStatistics;
import dev.sonority.audio.acoustic.AcousticVector;
import dev.sonority.audio.fixture.AlbumSynth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Retrieval quality of acoustic search vectors on a set of generated albums ({@link AlbumSynth}): every track
 * queries the others by cosine similarity, and precision@k is the share of its k nearest neighbours from its
 * own album, averaged over all tracks. Statistics for the z-scoring come from the whole set, as they come from
 * the whole library in production. An evaluation harness, not production code: it lives with the benches
 * ({@code ./sonority bench acoustic-eval}) and its test, not in audio-core.
 */
public final class AlbumRetrieval {

    private final List<float[]> raw;
    private final int[] album;

    private AlbumRetrieval(List<float[]> raw, int[] album) {
        this.raw = raw;
        this.album = album;
    }

    /**
     * Generates {@code albums} albums of {@code tracks} tracks of {@code seconds} each (album seeds
     * {@code firstSeed, firstSeed + 1, ...}) and extracts their raw vectors.
     */
    public static AlbumRetrieval generate(int albums, int tracks, double seconds, long firstSeed) {
        AcousticFeatureExtractor extractor = new AcousticFeatureExtractor();
        List<float[]> raw = new ArrayList<>();
        int[] labels = new int[albums * tracks];
        for (int a = 0; a < albums; a++) {
            AlbumSynth.Album album = AlbumSynth.album(firstSeed + a);
            for (int t = 0; t < tracks; t++) {
                float[] pcm = AlbumSynth.track(album, t, seconds, AcousticFeatureExtractor.SAMPLE_RATE);
                AcousticFeatures f = extractor.extract(pcm);
                float[] v = AcousticVector.raw(f);
                if (v == null) {
                    throw new IllegalStateException("album " + a + " track " + t + " has no raw vector: " + f.unavailable());
                }
                labels[raw.size()] = a;
                raw.add(v);
            }
        }
        return new AlbumRetrieval(raw, labels);
    }

    /** A set of raw vectors already extracted (real recordings), {@code album[i]} the label of {@code raw.get(i)}. */
    public static AlbumRetrieval of(List<float[]> raw, int[] album) {
        if (raw.size() != album.length) {
            throw new IllegalArgumentException(raw.size() + " vectors but " + album.length + " album labels");
        }
        return new AlbumRetrieval(List.copyOf(raw), album.clone());
    }

    public int size() {
        return raw.size();
    }

    /** Mean precision@k of {@code vector} over every track as the query. */
    public double precisionAt(int k, AcousticVector vector) {
        return precisionAt(k, vector, q -> true);
    }

    /**
     * Mean precision@k of {@code vector} over the tracks {@code query} accepts as queries; every other track of
     * the set stays a candidate neighbour (one half of a library queried against the whole library).
     */
    public double precisionAt(int k, AcousticVector vector, IntPredicate query) {
        if (k >= raw.size()) {
            throw new IllegalArgumentException("precision@" + k + " needs more than " + k + " tracks, the set has " + raw.size());
        }
        AcousticStatistics.Accumulator acc = new AcousticStatistics.Accumulator(AcousticVector.RAW_DIMENSIONS);
        raw.forEach(acc::add);
        AcousticStatistics stats = acc.build();
        float[][] search = new float[raw.size()][];
        for (int i = 0; i < search.length; i++) {
            search[i] = vector.search(raw.get(i), stats);
        }
        double total = 0;
        int queries = 0;
        double[] similarity = new double[search.length];
        Integer[] order = new Integer[search.length];
        for (int q = 0; q < search.length; q++) {
            if (!query.test(q)) {
                continue;
            }
            queries++;
            for (int i = 0; i < search.length; i++) {
                similarity[i] = i == q ? Double.NEGATIVE_INFINITY : dot(search[q], search[i]);
                order[i] = i;
            }
            Arrays.sort(order, (x, y) -> Double.compare(similarity[y], similarity[x]));
            int hits = 0;
            for (int j = 0; j < k; j++) {
                hits += album[order[j]] == album[q] ? 1 : 0;
            }
            total += (double) hits / k;
        }
        return queries == 0 ? Double.NaN : total / queries;
    }

    /**
     * Coordinate search over group weights in {@code {0, 0.5, 1, 2, 3}} from {@code start}, maximising
     * precision@k on this set, {@code passes} times over the groups. For choosing weights on one set and reporting
     * them on another.
     */
    public AcousticVector tune(int k, AcousticVector start, int passes) {
        double[] w = start.groupWeights();
        double best = precisionAt(k, start);
        double[] choices = {0, 0.5, 1, 2, 3};
        for (int pass = 0; pass < passes; pass++) {
            boolean improved = false;
            for (int g = 0; g < w.length; g++) {
                double keep = w[g];
                for (double c : choices) {
                    if (c == keep) {
                        continue;
                    }
                    w[g] = c;
                    if (Arrays.stream(w).allMatch(x -> x == 0)) {
                        continue;
                    }
                    double p = precisionAt(k, AcousticVector.of(w));
                    if (p > best + 1e-9) {
                        best = p;
                        keep = c;
                        improved = true;
                    }
                }
                w[g] = keep;
            }
            if (!improved) {
                break;
            }
        }
        return AcousticVector.of(w);
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
