package dev.sonority.audio.acoustic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sonority.audio.fixture.TestSignals;
import java.util.Arrays;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Every value is finite or null with a reason, for silence, short input, DC offsets, clipping and broken samples. */
class DegenerateInputTest {

    private static final int SR = AcousticFeatureExtractor.SAMPLE_RATE;
    private final AcousticFeatureExtractor extractor = new AcousticFeatureExtractor();

    @Test
    void silenceHasNoDescriptors() {
        AcousticFeatures f = extractor.extract(TestSignals.silence(5, SR));
        assertAllMissing(f, "silent");
        assertThat(f.reasonUnavailable(Descriptor.MFCC)).contains("dBFS");
    }

    @Test
    void nearSilenceBelowMinus90DbfsIsSilence() {
        AcousticFeatures f = extractor.extract(TestSignals.whiteNoise(3, SR, 1e-5, 3));
        assertAllMissing(f, "silent");
    }

    @Test
    void shortInputHasNoDescriptors() {
        assertAllMissing(extractor.extract(TestSignals.sine(440, 0.5, SR)), "too short");
        assertAllMissing(extractor.extract(new float[0]), "too short");
        assertAllMissing(extractor.extract(TestSignals.sine(440, 0.999, SR)), "too short");
        assertThat(extractor.extract(TestSignals.sine(440, 1.0, SR)).mfcc()).isNotNull();
    }

    @Test
    void nonFiniteSamplesAreRejected() {
        float[] y = TestSignals.sine(440, 3, SR);
        y[100] = Float.NaN;
        y[200] = Float.POSITIVE_INFINITY;
        assertAllMissing(extractor.extract(y), "2 samples are NaN or infinite");
    }

    @Test
    void constantDcIsSilenceAfterRemoval() {
        float[] y = new float[3 * SR];
        Arrays.fill(y, 0.25f);
        AcousticFeatures f = extractor.extract(y);
        assertAllMissing(f, "silent");
        assertThat(f.warnings()).anySatisfy(w -> assertThat(w).contains("DC offset 0.2500 removed"));
    }

    @Test
    void dcOffsetIsRemovedBeforeAnalysis() {
        float[] clean = TestSignals.chord(new double[] {220, 330, 440}, 4, SR, 0.5);
        float[] shifted = clean.clone();
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] += 0.2f;
        }
        AcousticFeatures a = extractor.extract(clean);
        AcousticFeatures b = extractor.extract(shifted);
        assertThat(b.warnings()).singleElement().asString().contains("DC offset");
        // without removal the 0 Hz bin would drag the centroid down and no zero would ever be crossed
        assertThat(b.spectralCentroid().mean()).isCloseTo(a.spectralCentroid().mean(), within(0.5));
        assertThat(b.zeroCrossingRateMean()).isCloseTo(a.zeroCrossingRateMean(), within(1e-4));
        for (int k = 0; k < 13; k++) {
            assertThat(b.mfcc().mean(k)).isCloseTo(a.mfcc().mean(k), within(0.05));
        }
    }

    @Test
    void clippingIsAWarningAndValuesStayFinite() {
        float[] y = TestSignals.sine(220, 4, SR, 3.0);
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.max(-1f, Math.min(1f, y[i]));
        }
        AcousticFeatures f = extractor.extract(y);
        assertThat(f.warnings()).singleElement().asString().startsWith("clipping:");
        assertThat(f.mfcc()).isNotNull();
        assertThat(f.unavailable()).containsOnlyKeys(Descriptor.BPM); // a steady (clipped) tone has no beat
        assertAllFinite(f);
    }

    @Test
    void steadyToneHasNoTempoButEverythingElse() {
        AcousticFeatures f = extractor.extract(TestSignals.sine(440, 10, SR));
        assertThat(f.bpm()).isNull();
        assertThat(f.reasonUnavailable(Descriptor.BPM)).startsWith("no tempo:");
        assertThat(f.unavailable()).containsOnlyKeys(Descriptor.BPM);
        assertThat(f.hasLainbow55()).isFalse();
        assertThat(f.lainbow55()).isNull();
        assertThat(f.warnings()).isEmpty();
        assertAllFinite(f);
        assertThat(f.spectralCentroid().mean()).isCloseTo(440, within(SR / 2048.0 * 2));
        assertThat(f.chroma().mean(9)).as("A").isGreaterThan(0.95);
    }

    @Test
    void clickTrackHasAllFiftyFiveInOrder() {
        float[] y = TestSignals.clickTrack(120, 20, SR);
        AcousticFeatures f = extractor.extract(y);
        assertThat(f.unavailable()).isEmpty();
        float[] v = f.lainbow55();
        assertThat(v).hasSize(55);
        for (float x : v) {
            assertThat(Float.isFinite(x)).isTrue();
        }
        assertThat(v[0]).isCloseTo(120f, within(2.4f));
        assertThat(v[1]).isEqualTo((float) f.spectralCentroid().mean());
        assertThat(v[4]).isEqualTo((float) f.spectralBandwidth().std());
        assertThat(v[5]).isEqualTo((float) f.mfcc().mean(0));
        assertThat(v[18]).isEqualTo((float) f.mfcc().std(0));
        assertThat(v[31]).isEqualTo((float) f.chroma().mean(0));
        assertThat(v[43]).isEqualTo((float) f.chroma().std(0));
        assertThat(v[54]).isEqualTo((float) f.chroma().std(11));
        assertThat(f.onsetRate()).as("2 clicks per second").isCloseTo(2.0, within(0.1));
        // a click track is mostly silence: the 1 kHz bursts put the centroid near 1 kHz when they sound
        assertThat(f.rmsMean()).isPositive();
    }

    @Test
    void wrongRateIsRefused() {
        assertThatThrownBy(() -> extractor.extract(new float[48_000], 48_000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("22050 Hz");
    }

    @Test
    void reusedExtractorGivesTheSameAnswer() {
        float[] longer = TestSignals.whiteNoise(6, SR, 0.3, 11);
        float[] shorter = TestSignals.chord(new double[] {261.63, 329.63, 392}, 2.5, SR, 0.6);
        AcousticFeatures fresh = new AcousticFeatureExtractor().extract(shorter);
        extractor.extract(longer);
        assertThat(extractor.extract(shorter)).isEqualTo(fresh);
    }

    private static void assertAllMissing(AcousticFeatures f, String reason) {
        assertThat(f.unavailable()).containsOnlyKeys(Descriptor.values());
        assertThat(f.unavailable().values()).allSatisfy(r -> assertThat(r).contains(reason));
        assertThat(f.bpm()).isNull();
        assertThat(f.mfcc()).isNull();
        assertThat(f.chroma()).isNull();
        assertThat(f.spectralCentroid()).isNull();
        assertThat(f.lainbow55()).isNull();
    }

    private static void assertAllFinite(AcousticFeatures f) {
        Consumer<Double> finite = d -> assertThat(Double.isFinite(d)).isTrue();
        for (MeanStd m : new MeanStd[] {f.spectralCentroid(), f.spectralBandwidth(), f.spectralRolloff(), f.spectralFlatness()}) {
            finite.accept(m.mean());
            finite.accept(m.std());
        }
        for (VectorStats s : new VectorStats[] {f.mfcc(), f.chroma(), f.mfccDelta(), f.spectralContrast()}) {
            Arrays.stream(s.means()).forEach(finite::accept);
            Arrays.stream(s.stds()).forEach(finite::accept);
        }
        finite.accept(f.rmsMean());
        finite.accept(f.zeroCrossingRateMean());
        finite.accept(f.onsetRate());
    }
}
