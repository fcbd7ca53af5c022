package dev.sonority.audio.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sonority.audio.fixture.TestSignals;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Properties that follow from the definitions, on real signals, in the signal's own units (Hz, bins). */
class FormulaTest {

    private static final int SR = 22_050;
    private static final Stft STFT = new Stft(2048, 512);
    private static final double BIN_HZ = SR / 2048.0;

    @ParameterizedTest
    @ValueSource(doubles = {110.0, 440.0, 1234.5, 5000.0})
    void centroidAndRolloffOfASineAreItsFrequency(double hz) {
        float[] y = TestSignals.sine(hz, 1.0, SR);
        double[] magnitude = new double[STFT.binCount()];
        STFT.magnitude(y, 20, magnitude); // a frame well inside the signal
        // the Hann main lobe is symmetric around the tone, so the centroid sits on it, within one bin
        assertThat(SpectralShape.centroidHz(magnitude, STFT.binCount(), BIN_HZ)).isCloseTo(hz, within(BIN_HZ));
        // 85 % of a main lobe 4 bins wide lies at most 2 bins above the tone
        assertThat(SpectralShape.rolloffHz(magnitude, STFT.binCount(), BIN_HZ, 0.85)).isBetween(hz - BIN_HZ, hz + 2 * BIN_HZ);
        // a pure tone is the least flat spectrum there is
        double[] power = new double[STFT.binCount()];
        STFT.power(y, 20, power);
        assertThat(SpectralShape.flatness(power, STFT.binCount(), 1e-10)).isLessThan(1e-3);
    }

    @Test
    void bandwidthOfTwoEqualTonesIsHalfTheirDistance() {
        // tones on bins 93 and 279 (about 1 and 3 kHz): two symmetric Hann main lobes of equal weight, so the
        // centroid is bin 186 and the spread is 93 bins (the lobes' own width adds well under a bin)
        float[] y = TestSignals.chord(new double[] {93 * BIN_HZ, 279 * BIN_HZ}, 1.0, SR, 0.8);
        double[] magnitude = new double[STFT.binCount()];
        STFT.magnitude(y, 20, magnitude);
        double centroid = SpectralShape.centroidHz(magnitude, STFT.binCount(), BIN_HZ);
        assertThat(centroid).isCloseTo(186 * BIN_HZ, within(0.01 * BIN_HZ));
        assertThat(SpectralShape.bandwidthHz(magnitude, STFT.binCount(), BIN_HZ, centroid, 2)).isCloseTo(93 * BIN_HZ, within(0.1 * BIN_HZ));
    }

    @Test
    void whiteNoiseIsFlat() {
        float[] y = TestSignals.whiteNoise(1.0, SR, 0.5, 7);
        double[] power = new double[STFT.binCount()];
        STFT.power(y, 20, power);
        // exponentially distributed periodogram bins: E[geometric / arithmetic mean] = exp(-gamma) = 0.56
        assertThat(SpectralShape.flatness(power, STFT.binCount(), 1e-10)).isBetween(0.4, 0.7);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11})
    void chromaPeakOfAnEqualTemperedToneIsItsPitchClass(int pitchClass) {
        double hz = 440.0 * Math.pow(2, (pitchClass - 9) / 12.0); // C4 .. B4, A4 = 440 Hz is pitch class 9
        float[] y = TestSignals.sine(hz, 1.0, SR);
        double[] power = new double[STFT.binCount()];
        STFT.power(y, 20, power);
        double[] chroma = new double[12];
        ChromaFilterbank.of(SR, 2048).apply(power, chroma, 0);
        ChromaFilterbank.normalizeMax(chroma, 0, 12);
        int peak = 0;
        for (int c = 1; c < 12; c++) {
            if (chroma[c] > chroma[peak]) {
                peak = c;
            }
        }
        assertThat(peak).isEqualTo(pitchClass);
        assertThat(chroma[peak]).isEqualTo(1.0);
    }

    @Test
    void silenceGivesFiniteValues() {
        float[] y = TestSignals.silence(1.0, SR);
        int frames = STFT.frameCount(y.length);
        double[] power = new double[STFT.binCount()];
        double[] mel = new double[frames * 128];
        MelFilterbank bank = MelFilterbank.librosaDefault(SR, 2048, 128);
        for (int t = 0; t < frames; t++) {
            STFT.power(y, t, power);
            bank.apply(power, mel, t * 128);
            assertThat(SpectralShape.centroidHz(power, STFT.binCount(), BIN_HZ)).isZero();
            assertThat(SpectralShape.bandwidthHz(power, STFT.binCount(), BIN_HZ, 0, 2)).isZero();
            assertThat(SpectralShape.rolloffHz(power, STFT.binCount(), BIN_HZ, 0.85)).isZero();
            assertThat(SpectralShape.flatness(power, STFT.binCount(), 1e-10)).isEqualTo(1.0, within(1e-12));
            assertThat(TimeDomain.zeroCrossingRate(y, t, 2048, 512)).isZero();
            assertThat(TimeDomain.rms(y, t, 2048, 512)).isZero();
        }
        Decibels.powerToDb(mel, 0, mel.length);
        double[] mfcc = new double[13];
        new Mfcc(13, 128).apply(mel, 5 * 128, mfcc, 0);
        // all bands at the -100 dB floor: only the DC coefficient is non-zero, -100 * sqrt(128)
        assertThat(mfcc[0]).isCloseTo(-100 * Math.sqrt(128), within(1e-9));
        for (int k = 1; k < 13; k++) {
            assertThat(mfcc[k]).isCloseTo(0.0, within(1e-9));
        }
    }

    @Test
    void zeroCrossingRateOfASineIsTwiceItsFrequencyOverTheRate() {
        float[] y = TestSignals.sine(1000, 1.0, SR);
        assertThat(TimeDomain.zeroCrossingRate(y, 20, 2048, 512)).isCloseTo(2 * 1000.0 / SR, within(2.0 / 2048));
        assertThat(TimeDomain.rms(y, 20, 2048, 512)).isCloseTo(0.5 / Math.sqrt(2), within(1e-3));
    }

    @ParameterizedTest
    @ValueSource(ints = {2048, 1000})
    void blockwiseRmsEqualsFrameByFrame(int frameLength) {
        float[] y = TestSignals.whiteNoise(0.77, SR, 0.8, 99); // 16 979 samples: a partial last block
        int frames = Framing.frameCount(y.length, 512);
        double[] all = new double[frames];
        TimeDomain.rmsAll(y, frameLength, 512, frames, new double[frames], all);
        for (int t = 0; t < frames; t++) {
            assertThat(all[t]).as("frame %d", t).isCloseTo(TimeDomain.rms(y, t, frameLength, 512), within(1e-12));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2048, 1000})
    void blockwiseZeroCrossingRateEqualsFrameByFrame(int frameLength) {
        float[] y = TestSignals.whiteNoise(0.77, SR, 0.8, 98);
        for (int i = 3000; i < 3100; i++) {
            y[i] = i % 3 == 0 ? 0f : 1e-11f; // samples at or below the 1e-10 threshold count as 0 (positive)
        }
        y[y.length - 1] = -0.3f;
        int frames = Framing.frameCount(y.length, 512);
        double[] all = new double[frames];
        TimeDomain.zeroCrossingRateAll(y, frameLength, 512, frames, new int[frames], all);
        for (int t = 0; t < frames; t++) {
            assertThat(all[t]).as("frame %d", t).isEqualTo(TimeDomain.zeroCrossingRate(y, t, frameLength, 512));
        }
    }
}
