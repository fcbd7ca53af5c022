package dev.sonority.inference.clap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.inference.embedding.TestModels;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CLAP's log-mel against librosa's formulas re-derived in numpy (models/test_models.py: Slaney mel bank, reflect
 * centring, periodic Hann, power, dB), frame by frame, including the edges where reflect padding matters.
 */
class ClapMelTest {

    @TempDir
    Path temp;

    @BeforeAll
    static void python() throws Exception {
        TestModels.assumePythonOnnx();
    }

    @Test
    void everyFrameAndBandMatchesTheReference() throws Exception {
        float[] window = new float[ClapMel.WINDOW_SAMPLES];
        Random random = new Random(11);
        for (int i = 0; i < window.length; i++) {
            double t = i / (double) ClapMel.SAMPLE_RATE;
            window[i] = (float) (0.4 * Math.sin(2 * Math.PI * (300 + 40 * t) * t) + 0.2 * Math.sin(2 * Math.PI * 5000 * t)
                    + 0.05 * random.nextGaussian());
        }
        float[] ours = new ClapMel().of(window);
        float[] reference = TestModels.clapMel(temp, window);
        assertThat(ours).hasSize(ClapMel.FRAMES * ClapMel.BANDS).hasSameSizeAs(reference);
        double worst = 0;
        for (int i = 0; i < ours.length; i++) {
            worst = Math.max(worst, Math.abs(ours[i] - reference[i]));
        }
        assertThat(worst).as("largest dB difference over 1001 x 64 values").isLessThan(1e-3);
    }

    @Test
    void reflectIndexingRepeatsNoEdgeSample() {
        assertThat(ClapMel.reflect(-1, 10)).isEqualTo(1);
        assertThat(ClapMel.reflect(-512, 1000)).isEqualTo(512);
        assertThat(ClapMel.reflect(10, 10)).isEqualTo(8);
        assertThat(ClapMel.reflect(5, 10)).isEqualTo(5);
    }
}
