package dev.sonority.audio.acoustic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.audio.fixture.TestSignals;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Tempo of generated click tracks (1 kHz bursts, {@link TestSignals#clickTrack}) from 60 to 200 BPM in steps of
 * 5 BPM plus awkward values, 30 s each. Reports the share within 2 % of the true tempo and the octave errors
 * (half, double, third, triple within 2 %), and asserts at least 95 % exact (all 36 are, today).
 */
class TempoClickTrackTest {

    @Test
    void clickTracksFrom60To200Bpm() {
        AcousticFeatureExtractor extractor = new AcousticFeatureExtractor();
        int total = 0;
        int exact = 0;
        int octave = 0;
        StringBuilder report = new StringBuilder();
        for (double bpm : tempi()) {
            float[] y = TestSignals.clickTrack(bpm, 30, AcousticFeatureExtractor.SAMPLE_RATE);
            AcousticFeatures f = extractor.extract(y);
            assertThat(f.bpm()).as("tempo of %s BPM clicks (%s)", bpm, f.unavailable()).isNotNull();
            double estimate = f.bpm();
            double ratio = estimate / bpm;
            total++;
            String verdict;
            if (Math.abs(ratio - 1) <= 0.02) {
                exact++;
                verdict = "ok";
            } else if (isOctave(ratio)) {
                octave++;
                verdict = String.format(Locale.ROOT, "octave error x%.2f", ratio);
            } else {
                verdict = "wrong";
            }
            report.append(String.format(Locale.ROOT, "  %6.1f BPM -> %7.2f (%+.2f %%) %s%n", bpm, estimate, 100 * (ratio - 1), verdict));
        }
        double exactRate = (double) exact / total;
        System.out.printf(Locale.ROOT, "tempo on %d click tracks 60-200 BPM: %.1f %% within 2 %%, %d octave errors, %d other%n%s",
                total, 100 * exactRate, octave, total - exact - octave, report);
        assertThat(exactRate).as("share of click tracks within 2 %%:%n%s", report).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void weakerOffBeatsKeepTheBeatTempo() {
        // 95 BPM beats (peak 0.9) with off-beat clicks (peak 0.05) over a noise floor (0.01, about -40 dBFS), so
        // the dB onset envelope sees rises of very different size: the octave correction must not double it
        float[] beats = TestSignals.clickTrack(95, 30, AcousticFeatureExtractor.SAMPLE_RATE);
        float[] pulses = TestSignals.clickTrack(190, 30, AcousticFeatureExtractor.SAMPLE_RATE);
        float[] noise = TestSignals.whiteNoise(30, AcousticFeatureExtractor.SAMPLE_RATE, 0.01, 5);
        float[] y = new float[beats.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = noise[i] + (beats[i] != 0 ? beats[i] : pulses[i] * 0.05f / 0.9f);
        }
        AcousticFeatures f = new AcousticFeatureExtractor().extract(y);
        assertThat(f.bpm()).isNotNull();
        assertThat(f.bpm()).isCloseTo(95.0, org.assertj.core.api.Assertions.within(1.9));
    }

    private static double[] tempi() {
        double[] extra = {63.7, 97.3, 127.9, 142.1, 173.3, 187.6, 199.0};
        double[] out = new double[29 + extra.length];
        for (int i = 0; i < 29; i++) {
            out[i] = 60 + 5 * i;
        }
        System.arraycopy(extra, 0, out, 29, extra.length);
        return out;
    }

    /** Half, double, a third or three times the true tempo, within 2 %. */
    static boolean isOctave(double ratio) {
        return near(ratio, 0.5) || near(ratio, 2) || near(ratio, 1 / 3.0) || near(ratio, 3);
    }

    private static boolean near(double ratio, double target) {
        return Math.abs(ratio / target - 1) <= 0.02;
    }
}
