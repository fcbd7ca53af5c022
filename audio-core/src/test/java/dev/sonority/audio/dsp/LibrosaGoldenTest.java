package dev.sonority.audio.dsp;

import static dev.sonority.audio.dsp.Close.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every per-frame quantity on four signals (sine, linear chirp, two tones with an onset, seeded noise) against the
 * numpy/scipy reference in {@code src/test/resources/dsp/reference.py}, at librosa's defaults (22 050 Hz,
 * n_fft 2048, hop 512, 128 Slaney mel bands, 13 MFCCs, 12 chroma, tuning 0). Signals are 22 173 samples long, so
 * the last frames are partial.
 */
class LibrosaGoldenTest {

    private static final int SR = 22_050;
    private static final int N_FFT = 2048;
    private static final int HOP = 512;
    private static final int N_MELS = 128;
    private static final double REL = 1e-6;

    @ParameterizedTest
    @ValueSource(strings = {"sine440", "chirp", "twotone", "noise"})
    void framesMatchTheReference(String name) {
        float[] y = Golden.signal(name);
        Golden golden = Golden.load(name);
        Stft stft = new Stft(N_FFT, HOP);
        int frames = stft.frameCount(y.length);
        int bins = stft.binCount();
        double binHz = stft.binToHz(1, SR);
        assertThat(frames).isEqualTo(golden.get("centroid").cols()).isEqualTo(44);

        MelFilterbank mel = MelFilterbank.librosaDefault(SR, N_FFT, N_MELS);
        ChromaFilterbank chroma = ChromaFilterbank.of(SR, N_FFT);
        Mfcc mfcc = new Mfcc(13, N_MELS);
        double[] power = new double[bins];
        double[] magnitude = new double[bins];
        double[] centroid = new double[frames];
        double[] bandwidth = new double[frames];
        double[] rolloff = new double[frames];
        double[] flatness = new double[frames];
        double[] zcr = new double[frames];
        double[] rms = new double[frames];
        double[] melDb = new double[frames * N_MELS];
        double[] chromagram = new double[frames * 12];
        SpectralContrast contrast = new SpectralContrast(SR, N_FFT);
        double[] peak = new double[frames * 7];
        double[] valley = new double[frames * 7];
        Golden.Matrix powerFrames = golden.get("power_frames_0_1_10_last");
        int[] powerFrameIndex = {0, 1, 10, frames - 1};
        for (int t = 0; t < frames; t++) {
            stft.power(y, t, power);
            for (int i = 0; i < powerFrameIndex.length; i++) {
                if (powerFrameIndex[i] == t) {
                    double top = java.util.Arrays.stream(powerFrames.row(i)).max().orElseThrow();
                    assertClose(name + " power frame " + t, powerFrames.row(i), power.clone(), REL, 1e-9 * top);
                }
            }
            for (int k = 0; k < bins; k++) {
                magnitude[k] = Math.sqrt(power[k]);
            }
            contrast.peakValley(magnitude, peak, valley, t * 7);
            centroid[t] = SpectralShape.centroidHz(magnitude, bins, binHz);
            bandwidth[t] = SpectralShape.bandwidthHz(magnitude, bins, binHz, centroid[t], 2.0);
            rolloff[t] = SpectralShape.rolloffHz(magnitude, bins, binHz, SpectralShape.ROLLOFF_PERCENT);
            flatness[t] = SpectralShape.flatness(power, bins, 1e-10);
            zcr[t] = TimeDomain.zeroCrossingRate(y, t, N_FFT, HOP);
            rms[t] = TimeDomain.rms(y, t, N_FFT, HOP);
            mel.apply(power, melDb, t * N_MELS);
            chroma.apply(power, chromagram, t * 12);
            ChromaFilterbank.normalizeMax(chromagram, t * 12, t * 12 + 12);
        }
        assertClose(name + " centroid", golden.get("centroid").values(), centroid, REL, 1e-6);
        assertClose(name + " bandwidth", golden.get("bandwidth").values(), bandwidth, REL, 1e-6);
        assertClose(name + " rolloff", golden.get("rolloff").values(), rolloff, 1e-9, 1e-9);
        assertClose(name + " flatness", golden.get("flatness").values(), flatness, 1e-5, 1e-12);
        assertClose(name + " zcr", golden.get("zcr").values(), zcr, 1e-9, 1e-12);
        assertClose(name + " rms", golden.get("rms").values(), rms, REL, 1e-12);

        Decibels.powerToDb(melDb, 0, melDb.length);
        double[] frame10 = java.util.Arrays.copyOfRange(melDb, 10 * N_MELS, 11 * N_MELS);
        assertClose(name + " mel dB frame 10", golden.get("melspec_db_frame10").values(), frame10, REL, 1e-6);

        double[] coefficients = new double[frames * 13];
        for (int t = 0; t < frames; t++) {
            mfcc.apply(melDb, t * N_MELS, coefficients, t * 13);
        }
        assertClose(name + " mfcc", transpose(golden.get("mfcc")), coefficients, REL, 1e-5);
        assertClose(name + " chroma", transpose(golden.get("chroma")), chromagram, REL, 1e-7);

        Decibels.powerToDb(peak, 0, peak.length);
        Decibels.powerToDb(valley, 0, valley.length);
        for (int i = 0; i < peak.length; i++) {
            peak[i] -= valley[i];
        }
        assertClose(name + " spectral contrast", transpose(golden.get("contrast")), peak, REL, 1e-6);

        double[] onset = new double[frames];
        OnsetStrength.fromDbMel(melDb, frames, N_MELS, 1, N_FFT, HOP, onset);
        assertClose(name + " onset strength", golden.get("onset_strength").values(), onset, REL, 1e-6);
    }

    /** Golden matrices are feature-major (rows = coefficients, as librosa returns them); ours are frame-major. */
    private static double[] transpose(Golden.Matrix m) {
        double[] out = new double[m.values().length];
        for (int r = 0; r < m.rows(); r++) {
            for (int c = 0; c < m.cols(); c++) {
                out[c * m.rows() + r] = m.at(r, c);
            }
        }
        return out;
    }
}
