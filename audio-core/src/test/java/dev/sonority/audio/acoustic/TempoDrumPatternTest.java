package dev.sonority.audio.acoustic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Tempo and beat confidence of synthesised drum patterns ({@link DrumSynth}: rock, four on the floor, funk) from
 * 60 to 200 BPM in 10 BPM steps plus awkward values, 30 s each, each tempo rendered three times: with the
 * patterns' own levels, and with other seeds (level jitter, noise) and the hi-hats 3 dB quieter and 3 dB louder.
 * Reports per pattern the share within 2 % and the octave errors (x0.5, x2, x1/3, x3) separately; beat confidence
 * is in [0, 1].
 *
 * <p>Asserted: at least 95 % exact on every pattern (all 60 renderings of each are, today). Funk (kicks on the
 * off-beats, sixteenth hi-hats) is the hardest: its low-band accents sit on the eighth-note grid, so only the
 * subdivision check of the metrical level (sixteenths in the full band and the cymbal band) keeps its beat from
 * reading double, and its strongest tempogram peak at 60-70 BPM can be the dotted-eighth spacing of its hi-hats,
 * which the tempo anchor passes over. Not covered: hi-hats as loud as the snare (6 dB up) read rock at 60-80 BPM
 * and four on the floor at 60-70 BPM double, and rock at 120 BPM half.
 */
class TempoDrumPatternTest {

    /** Seed offset and hi-hat gain of each rendering. */
    private record Rendering(long seedOffset, double hatGain) {
    }

    private static final Rendering[] RENDERINGS = {
        new Rendering(0, 1.0), new Rendering(7919, Math.sqrt(0.5)), new Rendering(15838, Math.sqrt(2))
    };

    @Test
    void drumPatternsFrom60To200Bpm() {
        AcousticFeatureExtractor extractor = new AcousticFeatureExtractor();
        StringBuilder report = new StringBuilder();
        double[] tempi = {60, 70, 80, 90, 100, 110, 120, 130, 140, 150, 160, 170, 180, 190, 200, 67.5, 93.3, 127.9, 143.7, 176.4};
        int other = 0;
        StringBuilder summary = new StringBuilder();
        StringBuilder below = new StringBuilder();
        for (DrumSynth.Pattern pattern : DrumSynth.Pattern.values()) {
            int exact = 0;
            int octave = 0;
            int total = 0;
            for (Rendering rendering : RENDERINGS) {
                for (double bpm : tempi) {
                    long seed = (long) (bpm * 10) + rendering.seedOffset();
                    float[] y = DrumSynth.pattern(pattern, bpm, 30, AcousticFeatureExtractor.SAMPLE_RATE, seed,
                            rendering.hatGain());
                    AcousticFeatures f = extractor.extract(y);
                    assertThat(f.bpm()).as("%s %s BPM: %s", pattern, bpm, f.unavailable()).isNotNull();
                    assertThat(f.beatConfidence()).isBetween(0.0, 1.0);
                    double ratio = f.bpm() / bpm;
                    total++;
                    String verdict;
                    if (Math.abs(ratio - 1) <= 0.02) {
                        exact++;
                        verdict = "ok";
                    } else if (TempoClickTrackTest.isOctave(ratio)) {
                        octave++;
                        verdict = String.format(Locale.ROOT, "octave error x%.2f", ratio);
                    } else {
                        verdict = "wrong";
                        other++;
                    }
                    report.append(String.format(Locale.ROOT, "  %-17s %6.1f BPM seed %5d hats x%.2f -> %7.2f (%+.2f %%) conf %.2f %s%n",
                            pattern, bpm, seed, rendering.hatGain(), f.bpm(), 100 * (ratio - 1), f.beatConfidence(), verdict));
                }
            }
            summary.append(String.format(Locale.ROOT, "  %-17s %d/%d exact, %d octave errors%n", pattern, exact,
                    total, octave));
            if (exact < 0.95 * total) {
                below.append(pattern).append(' ');
            }
        }
        System.out.printf(Locale.ROOT, "tempo on drum patterns 60-200 BPM:%n%s%s", summary, report);
        assertThat(below.toString()).as("patterns below 95 %% within 2 %%:%n%s%s", summary, report).isEmpty();
        assertThat(other).as("misses that are not octave errors:%n%s", report).isLessThanOrEqualTo(3);
    }
}
