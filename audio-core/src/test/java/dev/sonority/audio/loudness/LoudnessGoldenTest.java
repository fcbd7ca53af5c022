package dev.sonority.audio.loudness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Non-trivial signals (level steps of 1 s with clicks at the steps, noise with a 7 s level swing) against an
 * independent numpy / scipy implementation of BS.1770-4 and Tech 3342 ({@code loudness/reference.py}).
 */
class LoudnessGoldenTest {

    @ParameterizedTest
    @CsvSource({"tones, 22050", "tones, 44100", "tones, 48000", "noise, 22050", "noise, 44100", "noise, 48000"})
    void matchesTheScipyReference(String name, int rate) {
        float[] pcm = name.equals("tones") ? tones(rate) : noise(rate);
        Loudness l = new LoudnessMeter(rate).measure(pcm);
        String key = name + "@" + rate;
        assertThat(l.integratedLufs()).isCloseTo(LoudnessGolden.read("integrated").get(key), within(1e-6));
        assertThat(l.loudnessRangeLu()).isCloseTo(LoudnessGolden.read("range").get(key), within(1e-6));
    }

    /** reference.py {@code tones}: sines of 0.2 at 60, 440, 2500, 7000 Hz, level stepping every second, 20 s. */
    static float[] tones(int fs) {
        int[] steps = {0, -6, -12, -3, -20, -40, -9, -80, -1, -15};
        double[] freqs = {60.0, 440.0, 2500.0, 7000.0};
        float[] out = new float[20 * fs];
        for (int i = 0; i < out.length; i++) {
            double x = 0;
            for (double f : freqs) {
                x += 0.2 * Math.sin(2 * Math.PI * f / fs * i);
            }
            out[i] = (float) (x * Math.pow(10, steps[(i / fs) % steps.length] / 20.0));
        }
        return out;
    }

    /** reference.py {@code noise}: LCG noise of amplitude 0.5, level 10 sin(2 pi t / 7) dB, 20 s. */
    static float[] noise(int fs) {
        float[] out = new float[20 * fs];
        long state = 12345;
        for (int j = 0; j < out.length; j++) {
            state = (1664525 * state + 1013904223) & 0xFFFFFFFFL;
            double u = state / 4294967296.0 * 2 - 1;
            double t = (double) j / fs;
            out[j] = (float) (0.5 * u * Math.pow(10, 10 * Math.sin(2 * Math.PI * t / 7) / 20));
        }
        return out;
    }
}
