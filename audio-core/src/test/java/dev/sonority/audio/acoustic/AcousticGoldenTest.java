package dev.sonority.audio.acoustic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Track summaries (the 54 non-tempo Lainbow values and the extended descriptors) on the reference signals against
 * {@code src/test/resources/dsp/reference.py} (numpy means / population stds; MFCC deltas from scipy's
 * Savitzky-Golay filter, an independent implementation of librosa's {@code delta}).
 */
class AcousticGoldenTest {

    @ParameterizedTest
    @ValueSource(strings = {"sine440", "chirp", "twotone", "noise"})
    void summariesMatchTheReference(String name) throws IOException {
        AcousticFeatures f = new AcousticFeatureExtractor().extract(signal(name), 22_050);
        String golden = text("/dsp/golden/" + name + ".tsv");

        float[] lainbow = f.hasLainbow55() ? f.lainbow55() : null;
        double[] expected54 = table(golden, "summary_lainbow54");
        double[] actual54 = {
            f.spectralCentroid().mean(), f.spectralCentroid().std(), f.spectralBandwidth().mean(), f.spectralBandwidth().std()};
        actual54 = concat(actual54, f.mfcc().means(), f.mfcc().stds(), f.chroma().means(), f.chroma().stds());
        assertThat(actual54).hasSize(54);
        for (int i = 0; i < 54; i++) {
            assertThat(actual54[i]).as("%s lainbow value %d", name, i + 1).isCloseTo(expected54[i], within(tolerance(expected54[i])));
            if (lainbow != null) {
                assertThat((double) lainbow[i + 1]).isCloseTo(expected54[i], within(Math.max(1e-6, 1e-6 * Math.abs(expected54[i]))));
            }
        }
        double[] extra = table(golden, "summary_rms_zcr_rolloff2_flatness2");
        double[] actualExtra = {f.rmsMean(), f.zeroCrossingRateMean(), f.spectralRolloff().mean(), f.spectralRolloff().std(),
            f.spectralFlatness().mean(), f.spectralFlatness().std()};
        for (int i = 0; i < extra.length; i++) {
            assertThat(actualExtra[i]).as("%s extended value %d", name, i).isCloseTo(extra[i], within(tolerance(extra[i])));
        }
        double[] delta = table(golden, "summary_delta_means_stds");
        double[] actualDelta = concat(f.mfccDelta().means(), f.mfccDelta().stds());
        for (int i = 0; i < delta.length; i++) {
            assertThat(actualDelta[i]).as("%s delta value %d", name, i).isCloseTo(delta[i], within(tolerance(delta[i])));
        }
        double[] contrast = table(golden, "summary_contrast_means_stds");
        double[] actualContrast = concat(f.spectralContrast().means(), f.spectralContrast().stds());
        for (int i = 0; i < contrast.length; i++) {
            assertThat(actualContrast[i]).as("%s contrast value %d", name, i).isCloseTo(contrast[i], within(tolerance(contrast[i])));
        }
    }

    private static double tolerance(double expected) {
        return Math.max(1e-6, 1e-5 * Math.abs(expected));
    }

    private static double[] concat(double[]... parts) {
        int n = 0;
        for (double[] p : parts) {
            n += p.length;
        }
        double[] out = new double[n];
        int i = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, i, p.length);
            i += p.length;
        }
        return out;
    }

    private static double[] table(String tsv, String name) {
        for (String line : tsv.split("\n")) {
            String[] parts = line.split("\t");
            if (parts[0].equals(name)) {
                String[] numbers = parts[3].split(" ");
                double[] out = new double[numbers.length];
                for (int i = 0; i < out.length; i++) {
                    out[i] = Double.parseDouble(numbers[i]);
                }
                return out;
            }
        }
        throw new IllegalArgumentException("no table " + name);
    }

    static float[] signal(String name) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes("/dsp/signals/" + name + ".f32")).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[b.remaining() / 4];
        b.asFloatBuffer().get(out);
        return out;
    }

    private static String text(String resource) throws IOException {
        return new String(bytes(resource), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String resource) throws IOException {
        try (InputStream in = AcousticGoldenTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing " + resource);
            }
            return in.readAllBytes();
        }
    }
}
