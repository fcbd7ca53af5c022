package dev.sonority.audio.key;

import dev.sonority.audio.dsp.Stft;
import java.util.Locale;

/**
 * Global key and scale of a track, in the manner of Essentia's {@code KeyExtractor} (Gómez 2006; Faraldo et al.
 * 2016): spectral peaks, a harmonic pitch class profile (HPCP) with tuning estimation, averaged over the track,
 * correlated with the 24 rotations of a major and a minor key profile.
 *
 * <ol>
 *   <li>{@link #spectrum}: STFT magnitude of periodic-Hann frames of about 186 ms (4096 samples at 22 050 Hz;
 *       at other rates the largest power of two not above 1.5 times that duration: 8192 at 44.1 and 48 kHz),
 *       hop half a frame.</li>
 *   <li>{@link #isTonal}: frames whose strongest in-band bin is below {@value #SILENT_FRAME_DBFS} dBFS are
 *       silent; frames whose in-band spectral flatness exceeds {@value #NOISE_FLATNESS} are noise (white noise
 *       has about 0.56, pink noise about 0.35, music far less). Both are skipped.</li>
 *   <li>{@link SpectralPeaks}: local maxima from {@value #MIN_HZ} Hz to {@value #MAX_HZ} Hz, at most
 *       {@value #PEAK_RANGE_DB} dB below the frame's strongest, parabolically interpolated.</li>
 *   <li>{@link Hpcp}: {@value #HARMONICS} harmonics per peak with weights {@value #HARMONIC_SLOPE}^(h-1),
 *       10-cent bins relative to A = 440 Hz, per-frame unit-max normalisation, tuning estimated from the peaks,
 *       folded to 12 tuned pitch classes with a cosine-squared window one semitone wide.</li>
 *   <li>{@link #correlate}: the 12-bin mean HPCP, values below {@value #PCP_GATE} of its maximum set to 0
 *       (Essentia's {@code pcpThreshold}), is correlated (Pearson) with the {@link KeyProfile} rotated to each of
 *       the 12 tonics, major and minor; the best is the key, its correlation the strength. The profiles are used
 *       as they are: Essentia's polyphonic I/IV/V templates (its {@code usePolyphony}) double-count harmonics
 *       that this HPCP already folds onto their fundamentals and pulled 122 of the 192 synthesised test
 *       progressions a fifth down.</li>
 * </ol>
 *
 * <p>Input: mono float PCM at any sample rate (22 050 Hz is what the acoustic extractor decodes; frequencies are
 * handled in Hz, so the rate only sets the frame length). Degenerate input gives {@link KeyEstimate#unavailable()}
 * with a reason and never NaN: NaN or infinite samples, less than {@value #MIN_SECONDS} s, silence (peak below
 * -90 dBFS), or less than {@value #MIN_TONAL_SECONDS} s of tonal frames (noise, clicks).
 *
 * <p>One instance keeps its FFT plan and per-frame buffers (a few tens of kB) and allocates nothing per frame;
 * it is not thread-safe: use one per thread. A new sample rate builds a new FFT plan.
 */
public final class KeyEstimator {

    public static final double MIN_SECONDS = 1.0;
    /** Less than this much tonal (non-silent, non-noise) material gives no key. */
    public static final double MIN_TONAL_SECONDS = 1.0;
    /** Frame duration aimed at: 4096 samples at 22 050 Hz (5.4 Hz bins, resolving semitones from 100 Hz up). */
    static final double FRAME_SECONDS = 4096.0 / 22_050;
    static final double MIN_HZ = 100;
    static final double MAX_HZ = 5000;
    static final double PEAK_RANGE_DB = 60;
    static final double PEAK_FLOOR_DBFS = -90;
    static final double SILENT_FRAME_DBFS = -70;
    static final double NOISE_FLATNESS = 0.3;
    /**
     * Candidate fundamentals per peak, f/1 … f/5: like Essentia's HPCP with {@code harmonics = 4} (which counts the
     * fundamental plus four), so the fifth harmonic (a major third two octaves up) also folds back onto its root.
     */
    static final int HARMONICS = 5;
    static final double HARMONIC_SLOPE = 0.6;
    static final double REFERENCE_HZ = 440;
    static final double WINDOW_SEMITONES = 1.0;
    /** Default mean-HPCP gate, Essentia KeyExtractor's {@code pcpThreshold}. */
    static final double PCP_GATE = 0.2;
    private static final double SILENCE_PEAK = Math.pow(10, -90 / 20.0);

    private final KeyProfile profile;
    private final double pcpGate;
    private final Hpcp hpcp;
    private final double[] pcp = new double[12];
    private final double[] gatedPcp = new double[12];
    private final double[] correlations = new double[24];
    private int sampleRate;
    private Stft stft = new Stft(2, 1);
    private double[] magnitude = new double[0];
    private SpectralPeaks peaks = new SpectralPeaks(1, 3, 1, 1, 1, 1);
    private int firstBin;
    private int lastBin;
    private double silentFrameMagnitude;

    /**
     * An estimator with the {@link KeyProfile#BGATE} profiles, Essentia KeyExtractor's default, since the estimates
     * are meant to agree with that reference; it is also the best of the four on the synthesised test sets (chord
     * progressions / arrangements): bgate 192/192 and 85/96, Temperley 2005 189/192 and 81/96, edma 192/192 and
     * 82/96, Krumhansl 192/192 and 81/96.
     */
    public KeyEstimator() {
        this(KeyProfile.BGATE);
    }

    public KeyEstimator(KeyProfile profile) {
        this(profile, PCP_GATE);
    }

    /**
     * @param profile the key profiles
     * @param pcpGate mean-HPCP values below this fraction of the maximum are set to 0 before correlating
     *                (Essentia's {@code pcpThreshold}); 0 keeps them
     */
    public KeyEstimator(KeyProfile profile, double pcpGate) {
        this(profile, pcpGate, HARMONICS, HARMONIC_SLOPE);
    }

    /** With {@code harmonics} candidate fundamentals per peak weighted {@code slope^(h-1)} (for experiments). */
    KeyEstimator(KeyProfile profile, double pcpGate, int harmonics, double slope) {
        this.hpcp = new Hpcp(REFERENCE_HZ, harmonics, slope, WINDOW_SEMITONES);
        if (!(pcpGate >= 0 && pcpGate < 1)) {
            throw new IllegalArgumentException("pcpGate must be in [0, 1), was " + pcpGate);
        }
        this.profile = profile;
        this.pcpGate = pcpGate;
    }

    public KeyProfile profile() {
        return profile;
    }

    /** The settings in words, for reports. */
    public String describe() {
        return String.format(Locale.ROOT, "%s profiles, pcp gate %.2f", profile, pcpGate);
    }

    /** The key of {@code samples}, mono PCM at {@code sampleRate} Hz. */
    public KeyEstimate estimate(float[] samples, int sampleRate) {
        if (sampleRate < 8000) {
            throw new IllegalArgumentException("sample rate must be at least 8000 Hz, was " + sampleRate);
        }
        double duration = (double) samples.length / sampleRate;
        double mean = 0;
        for (float s : samples) {
            if (!Float.isFinite(s)) {
                return KeyEstimate.unavailable("samples are NaN or infinite");
            }
            mean += s;
        }
        if (duration < MIN_SECONDS) {
            return KeyEstimate.unavailable(String.format(Locale.ROOT, "too short: %.3f s < %.1f s", duration, MIN_SECONDS));
        }
        mean /= samples.length;
        double peak = 0;
        for (float s : samples) {
            peak = Math.max(peak, Math.abs(s - mean));
        }
        if (peak < SILENCE_PEAK) {
            return KeyEstimate.unavailable(String.format(Locale.ROOT, "silent: peak %.1f dBFS < -90 dBFS",
                    20 * Math.log10(Math.max(peak, 1e-300))));
        }
        configure(sampleRate);
        hpcp.reset();
        int frames = stft.frameCount(samples.length);
        for (int t = 0; t < frames; t++) {
            spectrum(samples, t);
            if (isTonal()) {
                int count = peaks.detect(magnitude);
                hpcp.addFrame(peaks.frequencyHz(), peaks.magnitude(), count);
            }
        }
        double tonalSeconds = hpcp.frames() * (double) stft.hop() / sampleRate;
        if (tonalSeconds < MIN_TONAL_SECONDS) {
            return KeyEstimate.unavailable(String.format(Locale.ROOT,
                    "no tonal content: %.2f s of tonal frames < %.1f s (silence, noise or no spectral peaks %d-%d Hz)",
                    tonalSeconds, MIN_TONAL_SECONDS, (int) MIN_HZ, (int) MAX_HZ));
        }
        hpcp.fold(pcp);
        double[] gated = gatedPcp;
        for (int pc = 0; pc < 12; pc++) {
            gated[pc] = pcp[pc] < pcpGate ? 0 : pcp[pc];
        }
        return correlate(gated, pcp, hpcp.tuningHz());
    }

    /** Frame {@code t}'s STFT magnitude into {@link #magnitude}. */
    private void spectrum(float[] samples, int t) {
        stft.magnitude(samples, t, magnitude);
    }

    /** Not silent, and not noise-like (in-band spectral flatness of the power at most {@link #NOISE_FLATNESS}). */
    private boolean isTonal() {
        double strongest = 0;
        double logSum = 0;
        double sum = 0;
        for (int k = firstBin; k <= lastBin; k++) {
            double power = magnitude[k] * magnitude[k] + 1e-20;
            strongest = Math.max(strongest, magnitude[k]);
            logSum += Math.log(power);
            sum += power;
        }
        if (strongest < silentFrameMagnitude) {
            return false;
        }
        int n = lastBin - firstBin + 1;
        double flatness = Math.exp(logSum / n) / (sum / n);
        return flatness <= NOISE_FLATNESS;
    }

    /**
     * Correlates {@code pcp} with the 24 rotated profiles and picks the best and second-best key; the estimate
     * reports {@code meanHpcp}.
     */
    KeyEstimate correlate(double[] pcp, double[] meanHpcp, double tuningHz) {
        for (Scale scale : Scale.values()) {
            for (int tonic = 0; tonic < 12; tonic++) {
                correlations[scale.ordinal() * 12 + tonic] = pearson(pcp, scale, tonic);
            }
        }
        int best = 0;
        for (int i = 1; i < 24; i++) {
            if (correlations[i] > correlations[best]) {
                best = i;
            }
        }
        int second = best == 0 ? 1 : 0;
        for (int i = 0; i < 24; i++) {
            if (i != best && correlations[i] > correlations[second]) {
                second = i;
            }
        }
        double strength = correlations[best];
        double secondStrength = correlations[second];
        double relative = strength > 0 ? (strength - secondStrength) / strength : 0;
        return new KeyEstimate(KeyEstimate.PITCH_CLASSES.get(best % 12), Scale.values()[best / 12], strength,
                KeyEstimate.PITCH_CLASSES.get(second % 12), Scale.values()[second / 12], secondStrength, relative,
                tuningHz, meanHpcp, null);
    }

    /** Pearson correlation of {@code pcp} with the profile of {@code scale} rotated to {@code tonic}; 0 if flat. */
    private double pearson(double[] pcp, Scale scale, int tonic) {
        double meanX = 0;
        double meanY = 0;
        for (int d = 0; d < 12; d++) {
            meanX += pcp[(tonic + d) % 12];
            meanY += profile.weight(scale, d);
        }
        meanX /= 12;
        meanY /= 12;
        double xy = 0;
        double xx = 0;
        double yy = 0;
        for (int d = 0; d < 12; d++) {
            double x = pcp[(tonic + d) % 12] - meanX;
            double y = profile.weight(scale, d) - meanY;
            xy += x * y;
            xx += x * x;
            yy += y * y;
        }
        return xx > 0 && yy > 0 ? xy / Math.sqrt(xx * yy) : 0;
    }

    private void configure(int rate) {
        if (rate == sampleRate) {
            return;
        }
        int fftSize = Integer.highestOneBit((int) Math.round(rate * FRAME_SECONDS * 1.5));
        stft = new Stft(fftSize, fftSize / 2);
        magnitude = new double[stft.binCount()];
        double binHz = (double) rate / fftSize;
        double fullScale = fftSize / 4.0; // |X| of a full-scale sine under a Hann window of fftSize samples
        peaks = new SpectralPeaks(binHz, stft.binCount(), MIN_HZ, Math.min(MAX_HZ, 0.45 * rate),
                fullScale * Math.pow(10, PEAK_FLOOR_DBFS / 20), PEAK_RANGE_DB);
        firstBin = Math.max(1, (int) Math.ceil(MIN_HZ / binHz));
        lastBin = Math.min(stft.binCount() - 2, (int) Math.floor(Math.min(MAX_HZ, 0.45 * rate) / binHz));
        silentFrameMagnitude = fullScale * Math.pow(10, SILENT_FRAME_DBFS / 20);
        sampleRate = rate;
    }
}
