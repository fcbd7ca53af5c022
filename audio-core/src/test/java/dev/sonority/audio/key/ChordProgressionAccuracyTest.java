package dev.sonority.audio.key;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.audio.key.ChordSynth.Chord;
import dev.sonority.audio.key.ChordSynth.Timbre;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The accuracy check: synthesised chord progressions (four timbres, two progressions per mode, 2 s per
 * chord, with a bass note) in all 24 keys; key and scale must be exact in at least 95 % of the cases. The truth
 * is the key each signal is written in. Errors are classified the way MIREX scores keys (fifth, relative,
 * parallel, other) and printed.
 */
class ChordProgressionAccuracyTest {

    private static final int SR = 22_050;
    private static final Map<Scale, List<List<Chord>>> PROGRESSIONS = Map.of(
            Scale.MAJOR, List.of(ChordSynth.MAJOR_I_IV_V_I, ChordSynth.MAJOR_I_VI_IV_V),
            Scale.MINOR, List.of(ChordSynth.MINOR_I_IV_V_I, ChordSynth.MINOR_I_VI_IV_V));

    private final KeyEstimator estimator = new KeyEstimator();

    @Test
    void chordProgressionsInAll24KeysAreEstimatedExactly() {
        Map<Timbre, int[]> perTimbre = new EnumMap<>(Timbre.class);
        Map<String, Integer> confusion = new TreeMap<>();
        int exact = 0;
        int total = 0;
        long seed = 1;
        StringBuilder errors = new StringBuilder();
        for (Timbre timbre : Timbre.values()) {
            int[] counts = perTimbre.computeIfAbsent(timbre, t -> new int[2]);
            for (Scale scale : Scale.values()) {
                for (int p = 0; p < PROGRESSIONS.get(scale).size(); p++) {
                    List<Chord> progression = PROGRESSIONS.get(scale).get(p);
                    for (int tonic = 0; tonic < 12; tonic++) {
                        float[] pcm = ChordSynth.progression(progression, tonic, timbre, 2.0, SR, 440, seed++);
                        KeyEstimate e = estimator.estimate(pcm, SR);
                        String kind = classify(tonic, scale, e);
                        confusion.merge(kind, 1, Integer::sum);
                        counts[1]++;
                        total++;
                        if (kind.equals("exact")) {
                            counts[0]++;
                            exact++;
                        } else {
                            errors.append(String.format(Locale.ROOT, "  %-13s %-8s prog %d: truth %s %s, got %s%n",
                                    timbre, scale.label(), p, KeyEstimate.PITCH_CLASSES.get(tonic), scale.label(), e));
                        }
                    }
                }
            }
        }
        StringBuilder report = new StringBuilder("Key accuracy on synthesised chord progressions (" + estimator.describe() + "):\n");
        perTimbre.forEach((t, c) -> report.append(String.format(Locale.ROOT, "  %-13s %3d / %3d exact (%.1f %%)%n",
                t, c[0], c[1], 100.0 * c[0] / c[1])));
        report.append(String.format(Locale.ROOT, "  all           %3d / %3d exact (%.1f %%)%n", exact, total, 100.0 * exact / total));
        report.append("  confusion: ").append(confusion).append('\n').append(errors);
        System.out.println(report);
        assertThat(exact).as(report.toString()).isGreaterThanOrEqualTo((int) Math.ceil(0.95 * total));
        perTimbre.forEach((t, c) -> assertThat(c[0]).as("%s%n%s", t, report).isGreaterThanOrEqualTo((int) Math.ceil(0.9 * c[1])));
    }

    /** MIREX-style error class of estimate {@code e} for the truth ({@code tonic}, {@code scale}). */
    static String classify(int tonic, Scale scale, KeyEstimate e) {
        if (e.key() == null || e.scale() == null) {
            return "none";
        }
        int got = KeyEstimate.PITCH_CLASSES.indexOf(e.key());
        int interval = Math.floorMod(got - tonic, 12);
        if (e.scale() == scale) {
            return interval == 0 ? "exact" : interval == 7 ? "fifth above" : interval == 5 ? "fifth below" : "other";
        }
        if (interval == 0) {
            return "parallel";
        }
        boolean relative = scale == Scale.MAJOR ? interval == 9 : interval == 3;
        return relative ? "relative" : "other";
    }
}
