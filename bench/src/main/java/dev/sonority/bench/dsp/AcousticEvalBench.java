package dev.sonority.bench.dsp;

import dev.sonority.audio.acoustic.AcousticVector;
import java.util.Arrays;
import java.util.Locale;

/**
 * Retrieval quality of the acoustic search vector against Lainbow's 55 values alone on generated albums
 * ({@link dev.sonority.audio.fixture.AlbumSynth}): precision@10 of same-album neighbours, both measured on the
 * same set. {@code ./sonority bench acoustic-eval [--albums N] [--tracks N] [--seconds S] [--seed S] [--tune]};
 * {@code --tune} also runs the coordinate search over group weights on this set and prints the weights it finds
 * (tune on one seed, check on another).
 */
public final class AcousticEvalBench {

    private AcousticEvalBench() {
    }

    public static void main(String[] args) {
        int albums = 16;
        int tracks = 11;
        double seconds = 20;
        long seed = 1000;
        boolean tune = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--albums" -> albums = Integer.parseInt(args[++i]);
                case "--tracks" -> tracks = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--tune" -> tune = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; options: --albums N --tracks N --seconds S --seed S --tune");
            }
        }
        long t0 = System.nanoTime();
        AlbumRetrieval set = AlbumRetrieval.generate(albums, tracks, seconds, seed);
        double generated = (System.nanoTime() - t0) / 1e9;
        double lainbow = set.precisionAt(10, AcousticVector.LAINBOW_55);
        double ours = set.precisionAt(10, AcousticVector.SEARCH);
        System.out.printf(Locale.ROOT, "precision@10, %d albums x %d tracks x %.0f s (seeds %d..%d, %.1f s to generate):%n"
                + "  Lainbow 55 (z-scored, L2)       %.3f%n  acoustic_features search (%d dims) %.3f  (x%.2f)%n  weights: %s%n",
                albums, tracks, seconds, seed, seed + albums - 1, generated, lainbow, AcousticVector.SEARCH.dimensions(),
                ours, ours / lainbow, AcousticVector.SEARCH.describe());
        for (AcousticVector.Group g : AcousticVector.Group.values()) {
            double[] w = AcousticVector.SEARCH.groupWeights();
            if (w[g.ordinal()] > 0) {
                w[g.ordinal()] = 0;
                System.out.printf(Locale.ROOT, "  without %-16s %.3f%n", g.name().toLowerCase(Locale.ROOT),
                        set.precisionAt(10, AcousticVector.of(w)));
            }
        }
        if (tune) {
            AcousticVector tuned = set.tune(10, AcousticVector.SEARCH, 3);
            System.out.printf(Locale.ROOT, "  tuned on this set: %s -> %.3f%n", Arrays.toString(tuned.groupWeights()),
                    set.precisionAt(10, tuned));
        }
    }
}
