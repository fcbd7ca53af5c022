package dev.sonority.audio.dsp;

import java.util.Arrays;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Global tempo from an onset-strength envelope (square-rooted first, see {@link #compressed}), after
 * {@code librosa.feature.tempo} (Ellis 2007, "Beat tracking
 * by dynamic programming", section 3.1): the envelope is cut into windows of {@code windowFrames} frames (8 s),
 * one centred on every frame (the ends padded with a linear ramp to zero), each Hann-weighted and
 * autocorrelated; each autocorrelation is divided by its lag-0 value and the mean over all windows is the
 * tempogram {@code T(L)}. The tempo maximises {@code log(1 + 1e6 T(L)) + log prior(L)} over lags {@code L}
 * in [{@code minBpm}, {@code maxBpm}], with a log-normal prior on BPM (mean {@code startBpm}, standard
 * deviation {@code stdOctaves} octaves). Beyond librosa, the peak lag is refined to a fraction of a frame by
 * fitting a parabola through the tempogram at {@code L - 1, L, L + 1}, so tempi between two lags are not rounded
 * to the nearer one (at 43 frames per second one lag step is 7 % at 200 BPM). The metrical level (which of
 * the related periods is the beat) is chosen by {@link MetricalLevel} on an accent envelope when one is given
 * (the extractor passes the low-band onset strength, and the cymbal band for the subdivision check), starting from
 * the strongest slow periodicity ({@link #anchorLag}), else by the octave correction ({@link #correctOctave}).
 *
 * <p>Buffers are allocated once; one instance is not thread-safe.
 */
public final class TempoEstimator {

    /** Half-lag periodicity, relative to the chosen lag's, above which the doubled tempo is taken. */
    public static final double DOUBLE_TEMPO_RATIO = 0.9;
    /** The octave correction never yields more than this. */
    public static final double MAX_DOUBLED_BPM = 210.0;

    private final double frameRate;
    private final int windowFrames;
    private final double startBpm;
    private final double stdOctaves;
    private final int minLag;
    private final int maxLag;
    private final double[] window;
    private final DoubleFFT_1D fft;
    private final double[] scratch;
    private final double[] tempogram;
    private final MetricalLevel metrical;
    private double[] envelope = new double[0];

    /**
     * @param frameRate onset frames per second ({@code sampleRate / hop})
     * @param windowFrames autocorrelation window in frames (librosa: {@code floor(8 s * sampleRate) / hop})
     */
    public TempoEstimator(double frameRate, int windowFrames, double startBpm, double stdOctaves, double minBpm, double maxBpm) {
        if (windowFrames < 8 || !(minBpm > 0) || !(maxBpm > minBpm) || !(stdOctaves > 0) || !(startBpm > 0)) {
            throw new IllegalArgumentException("bad tempo settings: window=" + windowFrames + " bpm " + minBpm + ".." + maxBpm);
        }
        this.frameRate = frameRate;
        this.windowFrames = windowFrames;
        this.startBpm = startBpm;
        this.stdOctaves = stdOctaves;
        this.minLag = Math.max(2, (int) Math.ceil(60.0 * frameRate / maxBpm));
        this.maxLag = Math.min(windowFrames - 2, (int) Math.floor(60.0 * frameRate / minBpm));
        this.window = Windows.hannPeriodic(windowFrames);
        int size = Integer.highestOneBit(2 * windowFrames - 1) << 1; // >= 2 W - 1: linear, not circular, correlation
        this.fft = new DoubleFFT_1D(size);
        this.scratch = new double[size];
        this.tempogram = new double[windowFrames];
        this.metrical = new MetricalLevel(frameRate);
    }

    /** librosa's defaults: 8 s window, prior 120 BPM +- 1 octave, 30..320 BPM considered. */
    public static TempoEstimator librosaDefault(double sampleRate, int hop) {
        int window = (int) Math.floor(8.0 * sampleRate) / hop;
        return new TempoEstimator(sampleRate / hop, window, 120.0, 1.0, 30.0, 320.0);
    }

    /**
     * The tempo in BPM of {@code onset[0..frames)}, or empty when the envelope has no periodicity at all (silence,
     * a constant, a single onset).
     */
    public OptionalDouble estimateBpm(double[] onset, int frames) {
        return estimateBpm(onset, null, null, frames);
    }

    /**
     * As {@link #estimateBpm(double[], int)}, then the metrical level is chosen by {@link MetricalLevel} on
     * {@code accent} (an onset envelope of the same frames that weights what carries the beat, e.g. the low
     * bands), starting from {@link #anchorLag}, instead of the octave correction; {@code cymbals} (the onset
     * envelope above about 3 kHz, where hi-hats play the subdivisions) keeps a beat of sixteenth notes from
     * being halved into its eighths. {@code accent} null: the octave correction; {@code cymbals} null: no such
     * check.
     */
    public OptionalDouble estimateBpm(double[] onset, double @Nullable [] accent, double @Nullable [] cymbals,
            int frames) {
        if (frames < 2) {
            return OptionalDouble.empty();
        }
        computeTempogram(COMPRESS ? compressed(onset, frames) : onset, frames);
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int lag = minLag; lag <= maxLag; lag++) {
            double score = score(lag, tempogram[lag]);
            if (score > bestScore) {
                bestScore = score;
                best = lag;
            }
        }
        if (best < 0 || !(tempogram[best] > 1e-9)) {
            return OptionalDouble.empty();
        }
        if (accent == null) {
            return OptionalDouble.of(60.0 * frameRate / correctOctave(best, best + parabolicOffset(best)));
        }
        double period = metrical.beatPeriod(accent, onset, cymbals, frames, anchorLag());
        return OptionalDouble.of(60.0 * frameRate / period);
    }

    /** Whether the tempogram is computed on the square-rooted envelope ({@link #compressed}). */
    private static final boolean COMPRESS = true;
    /** The metrical level search starts from the strongest periodicity between these (no prior). */
    public static final double BASE_MIN_BPM = 40.0;
    public static final double BASE_MAX_BPM = 100.0;
    /**
     * Tempogram peaks within this share of the base range's peak count as equally strong (see {@link #anchorLag}).
     * Measured on the click and drum-pattern sets: 0.85-0.9 is the plateau; 0.82 lets a four-on-the-floor pattern
     * start from a 1.5-beat lag, 0.92 the three-beat lag of a 195 BPM click track win.
     */
    public static final double NEAR_PEAK = 0.88;
    /** Period ratios (strongest to faster peak) that keep the faster peak on the chain of doublings, +-5 %. */
    private static final double[] HARMONIC_RATIOS = {1.5, 2, 3, 4};
    /** A peak this much faster than another near peak (+-5 %) is a dotted note of it. */
    private static final double DOTTED_RATIO = 4.0 / 3;
    private static final double HARMONIC_TOLERANCE = 0.05;

    /**
     * The lag the metrical level search starts from, among the tempogram peaks between {@link #BASE_MIN_BPM} and
     * {@link #BASE_MAX_BPM} nearly as strong as the strongest ({@link #NEAR_PEAK}). Peaks 4/3 as fast as another
     * of them are dotted notes (three sixteenths of a funk pattern against its four-sixteenth beat: a syncopation,
     * not a pulse) and are passed over; of the rest, the strongest, or the fastest whose period the strongest one's
     * is 3/2, 2, 3 or 4 times: a click track repeats at every multiple of its beat, and a multiple of three beats
     * would put the beat off the chain of doublings. This is the choice among autocorrelation peaks that
     * Percival and Tzanetakis (2014, "Streamlined tempo estimation based on autocorrelation and cross-correlation
     * with pulses") make by scoring pulse trains, reduced to the period ratios those pulse trains test.
     */
    private double anchorLag() {
        int from = Math.max(minLag, (int) Math.ceil(60.0 * frameRate / BASE_MAX_BPM));
        int to = Math.min(maxLag, (int) Math.floor(60.0 * frameRate / BASE_MIN_BPM));
        int top = from;
        for (int l = from; l <= to; l++) {
            if (tempogram[l] > tempogram[top]) {
                top = l;
            }
        }
        double floor = NEAR_PEAK * tempogram[top];
        int peak = -1;
        for (int l = from; l <= to; l++) {
            if (candidate(l, to, floor) && (peak < 0 || tempogram[l] > tempogram[peak])) {
                peak = l;
            }
        }
        if (peak < 0) {
            peak = top;
        }
        for (int l = from; l < peak; l++) {
            if (candidate(l, to, floor) && harmonic((double) peak / l)) {
                peak = l;
                break;
            }
        }
        return peak + parabolicOffset(peak);
    }

    /** A local tempogram maximum of at least {@code floor} that is not a dotted note of another such maximum. */
    private boolean candidate(int lag, int to, double floor) {
        if (!nearPeak(lag, floor)) {
            return false;
        }
        for (int slower = lag + 1; slower <= to; slower++) {
            if (nearPeak(slower, floor) && near((double) slower / lag, DOTTED_RATIO)) {
                return false;
            }
        }
        return true;
    }

    private boolean nearPeak(int lag, double floor) {
        return tempogram[lag] >= floor && tempogram[lag] >= tempogram[lag - 1] && tempogram[lag] >= tempogram[lag + 1];
    }

    private static boolean near(double ratio, double target) {
        return Math.abs(ratio / target - 1) <= HARMONIC_TOLERANCE;
    }

    private static boolean harmonic(double ratio) {
        for (double r : HARMONIC_RATIOS) {
            if (near(ratio, r)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Octave correction, the one step beyond librosa: a log-normal prior alone picks the slower of two tempi with
     * equally strong periodicity whenever the faster one is above {@code startBpm * sqrt(2)} (170 BPM), so an
     * even 180 BPM pulse would read as 90. When the tempogram at half the chosen lag is at least
     * {@link #DOUBLE_TEMPO_RATIO} of its value at the chosen lag (the beats in between are as strong as the beats
     * themselves) and the doubled tempo lies in the band the prior gets wrong, above {@code startBpm * sqrt(2)}
     * and at most {@link #MAX_DOUBLED_BPM}, the faster tempo is taken. With onset strengths {@code a} on the beats
     * and {@code b} on the off-beats the half-lag ratio is {@code 2ab / (a^2 + b^2)}, so off-beats with less than
     * about 60 % of the beats' onset strength keep the slower tempo; music at 85-105 BPM with even eighth notes
     * reads as 170-210 BPM (librosa would say 85-105).
     */
    private double correctOctave(int best, double lag) {
        int half = (int) Math.round(lag / 2);
        double doubled = 60.0 * frameRate / (lag / 2);
        if (half - 1 < 1 || doubled <= startBpm * Math.sqrt(2) || doubled > MAX_DOUBLED_BPM) {
            return lag; // below startBpm * sqrt(2) the prior itself prefers the faster of two equal periodicities
        }
        int peak = half;
        for (int l = half - 1; l <= half + 1; l++) {
            if (tempogram[l] > tempogram[peak]) {
                peak = l;
            }
        }
        if (tempogram[peak] < DOUBLE_TEMPO_RATIO * tempogram[best]) {
            return lag;
        }
        return peak + parabolicOffset(peak);
    }

    /**
     * Beat confidence of a tempo on {@code onset[0..frames)}: the autocorrelation coefficient of the mean-removed
     * envelope at the beat period {@code 60 frameRate / bpm} (linearly interpolated between whole lags), over the
     * whole track, clipped to [0, 1]. 1 means every beat's onset pattern repeats exactly one beat later (a click
     * track); an envelope without periodicity at that lag (noise) gives about 0; tempo drift, fills and
     * syncopation lower it. Unlike the windowed tempogram it is not biased upwards by the envelope's mean, so
     * noise does not look rhythmic.
     */
    public double beatConfidence(double[] onset, int frames, double bpm) {
        double lag = 60.0 * frameRate / bpm;
        int whole = (int) Math.floor(lag);
        if (!(bpm > 0) || whole < 1 || whole + 1 >= frames) {
            return 0.0;
        }
        double mean = 0;
        for (int t = 0; t < frames; t++) {
            mean += onset[t];
        }
        mean /= frames;
        double energy = 0;
        for (int t = 0; t < frames; t++) {
            double d = onset[t] - mean;
            energy += d * d;
        }
        if (!(energy > 0)) {
            return 0.0;
        }
        double frac = lag - whole;
        double r = (1 - frac) * lagProduct(onset, frames, mean, whole) + frac * lagProduct(onset, frames, mean, whole + 1);
        // the lagged sum covers frames - lag pairs: scale so an exactly periodic envelope reads 1
        double coefficient = r / energy * frames / (frames - lag);
        return Math.max(0.0, Math.min(1.0, coefficient));
    }

    private static double lagProduct(double[] onset, int frames, double mean, int lag) {
        double sum = 0;
        for (int t = lag; t < frames; t++) {
            sum += (onset[t] - mean) * (onset[t - lag] - mean);
        }
        return sum;
    }

    /**
     * The envelope the tempogram is computed from: the square root of the onset strength. Spectral flux is
     * dominated by broadband hits (a snare adds rise in every mel band, a kick in a few), so on a rock beat the
     * two-beat period (kick-snare-kick-snare repeats exactly) out-correlates the beat itself and the tempo reads
     * half; compressing the strengths evens the beats out while keeping which frames are onsets.
     */
    private double[] compressed(double[] onset, int frames) {
        if (envelope.length < frames) {
            envelope = new double[frames];
        }
        for (int t = 0; t < frames; t++) {
            envelope[t] = Math.sqrt(Math.max(0.0, onset[t]));
        }
        return envelope;
    }

    /** The mean normalised autocorrelation at lags {@code 0..windowFrames)} of the last call (for tests). */
    public double[] tempogram() {
        return tempogram.clone();
    }

    /** {@code log(1 + 1e6 T) + log prior}, the log-normal prior on BPM (librosa's {@code start_bpm}, {@code std_bpm}). */
    private double score(int lag, double t) {
        double octaves = Math.log(60.0 * frameRate / lag / startBpm) / Math.log(2.0);
        return Math.log1p(1e6 * t) - 0.5 * (octaves / stdOctaves) * (octaves / stdOctaves);
    }

    /** Vertex of the parabola through the tempogram at {@code lag - 1, lag, lag + 1}, in [-0.5, 0.5]. */
    private double parabolicOffset(int lag) {
        double left = tempogram[lag - 1];
        double centre = tempogram[lag];
        double right = tempogram[lag + 1];
        double curvature = left - 2 * centre + right;
        if (!(curvature < 0)) {
            return 0.0;
        }
        return Math.max(-0.5, Math.min(0.5, 0.5 * (left - right) / curvature));
    }

    private void computeTempogram(double[] onset, int frames) {
        Arrays.fill(tempogram, 0.0);
        int w = windowFrames;
        int pad = w / 2;
        int size = scratch.length;
        int used = 0;
        for (int t = 0; t < frames; t++) {
            // window t covers padded frames t .. t + w - 1, i.e. envelope frames t - pad .. t - pad + w - 1
            for (int i = 0; i < w; i++) {
                scratch[i] = padded(onset, frames, t - pad + i, pad) * window[i];
            }
            Arrays.fill(scratch, w, size, 0.0);
            fft.realForward(scratch);
            scratch[0] *= scratch[0];
            scratch[1] *= scratch[1];
            for (int k = 1; k < size / 2; k++) {
                double re = scratch[2 * k];
                double im = scratch[2 * k + 1];
                scratch[2 * k] = re * re + im * im;
                scratch[2 * k + 1] = 0.0;
            }
            fft.realInverse(scratch, true);
            double zero = scratch[0];
            if (zero < Float.MIN_NORMAL) {
                continue; // a silent window: librosa leaves it unnormalised (all zero), it still counts in the mean
            }
            for (int lag = 0; lag < w; lag++) {
                tempogram[lag] += scratch[lag] / zero;
            }
            used++;
        }
        if (used > 0) {
            for (int lag = 0; lag < w; lag++) {
                tempogram[lag] /= frames;
            }
        }
    }

    /** The envelope padded by {@code pad} frames each side with numpy's {@code linear_ramp} to 0. */
    private static double padded(double[] onset, int frames, int i, int pad) {
        if (i >= 0 && i < frames) {
            return onset[i];
        }
        if (i < 0) {
            return onset[0] * (double) (pad + i) / pad; // np.linspace(0, edge, pad, endpoint=False)
        }
        int j = i - frames; // 0 .. pad - 1 after the end
        return onset[frames - 1] * (double) (pad - 1 - j) / pad;
    }
}
