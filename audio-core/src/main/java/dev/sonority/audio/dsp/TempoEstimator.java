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
 * the related periods is the beat) is chosen by {@link #metricalLevel} on an accent envelope when one is given
 * (the extractor passes the low-band onset strength), else by the octave correction ({@link #correctOctave}).
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
        return estimateBpm(onset, null, frames);
    }

    /**
     * As {@link #estimateBpm(double[], int)}, then the metrical level is chosen on {@code accent} (an onset
     * envelope of the same frames that weights what carries the beat, e.g. the low bands; see
     * {@link #metricalLevel}) instead of the octave correction. {@code accent} null: the octave correction.
     */
    public OptionalDouble estimateBpm(double[] onset, double @Nullable [] accent, int frames) {
        return estimateBpm(onset, accent, null, frames);
    }

    /**
     * As {@link #estimateBpm(double[], double[], int)}, and {@code subdivision} (an onset envelope of the same
     * frames from the bands where hi-hats and cymbals play the subdivisions, e.g. above 3 kHz) keeps the beat from
     * being halved into its eighth notes (see {@link #metricalLevel}). {@code subdivision} null: no such check.
     */
    public OptionalDouble estimateBpm(double[] onset, double @Nullable [] accent, double @Nullable [] subdivision,
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
        double lag = best + parabolicOffset(best);
        if (accent != null) { // the strongest slow periodicity (a beat or a bar fraction) anchors the search
            int from = Math.max(minLag, (int) Math.ceil(60.0 * frameRate / BASE_MAX_BPM));
            int to = Math.min(maxLag, (int) Math.floor(60.0 * frameRate / BASE_MIN_BPM));
            int peak = from;
            for (int l = from; l <= to; l++) {
                if (tempogram[l] > tempogram[peak]) {
                    peak = l;
                }
            }
            // of periodicities about as strong as the strongest (a click track repeats at every multiple of its
            // beat), the fastest: a multiple of three beats would put the beat off the chain of doublings
            for (int l = from; l < peak; l++) {
                if (tempogram[l] >= NEAR_PEAK * tempogram[peak] && tempogram[l] >= tempogram[l - 1]
                        && tempogram[l] >= tempogram[l + 1]) {
                    peak = l;
                    break;
                }
            }
            lag = peak + parabolicOffset(peak);
        }
        double period = accent == null ? correctOctave(best, lag) : metricalLevel(accent, subdivision, frames, lag);
        return OptionalDouble.of(60.0 * frameRate / period);
    }

    /** Whether the tempogram is computed on the square-rooted envelope ({@link #compressed}). */
    private static final boolean COMPRESS = true;
    /**
     * Half-period accent ratio at or above which the tempo doubles (see {@link #metricalLevel}). Measured on the
     * drum-pattern set: a funk half-bar (snare 2 and 4, kick on 1 only) has 0.36-0.39, a rock beat's eighth notes
     * at most 0.22; 0.4 (before the subdivision check existed) read funk at 120-140 BPM as half.
     */
    public static final double FASTER = 0.3;
    /** Accent ratio of the doubled period below which the tempo halves (as {@link #FASTER}, so the two agree). */
    public static final double SLOWER = 0.3;
    /**
     * Subdivision accent ratio (see {@link #subdivisionRatio}) at or above which the period is not halved.
     * Measured on the drum-pattern set: funk beats with sixteenth hi-hats 0.32-0.51, rock and four-on-the-floor
     * half bars (eighth-note hi-hats) at most 0.28, click tracks 0; a narrow margin, so 0.25 or 0.35 each cost
     * a pattern.
     */
    public static final double SUBDIVIDED = 0.3;
    /** The metrical level search starts from the strongest periodicity between these (no prior). */
    public static final double BASE_MIN_BPM = 40.0;
    public static final double BASE_MAX_BPM = 100.0;
    /**
     * Tempogram values within this share of the base range's peak count as equally strong. Measured on the
     * click and drum-pattern sets: 0.9 lets a 1.5-beat lag of four-on-the-floor patterns win, 0.99 lets three-beat
     * lags of click tracks win; 0.93-0.97 is the plateau.
     */
    public static final double NEAR_PEAK = 0.95;
    /** The beat is kept within these. */
    public static final double LEVEL_MIN_BPM = 55.0;
    public static final double LEVEL_MAX_BPM = 210.0;

    /**
     * The beat among the periods {@code lag * 2^k}: the tempogram finds the strongest periodicity, which on
     * drum patterns is often the two-beat period (kick-snare pairs) or the eighth notes (hi-hats). Going faster,
     * the period is halved while the onsets half-way between its pulses are accented at least {@link #FASTER}
     * as strongly as the pulses themselves (a snare between two kicks is a beat); going slower, it is doubled while
     * every other pulse is weaker than {@link #SLOWER} times its neighbours (hi-hats between the beats are not
     * beats). Accent ratios are measured per 4-second segment (so a slightly wrong period does not drift off the
     * grid) and averaged.
     *
     * <p>Low-band accents alone cannot tell a funk beat (kicks on the "and" of 2 and 3) from its eighth notes: the
     * half-period ratio of the beat is 0.6-0.85 there. So, when {@code subdivision} is given, the period is not
     * halved when the subdivision envelope is accented at both quarter points of the period
     * ({@link #subdivisionRatio} at least {@link #SUBDIVIDED}): the period is then already divided in four (the
     * sixteenth notes of a beat), and halving it would make the beat an eighth note divided in two. This is the
     * tatum-tactus relation of Klapuri, Eronen and Astola (2006, "Analysis of the meter of acoustic musical
     * signals"), where the beat is a small whole multiple of the fastest pulse, reduced to one check.
     */
    public double metricalLevel(double[] accent, double @Nullable [] subdivision, int frames, double lag) {
        double period = lag;
        while (60.0 * frameRate / (period / 2) <= LEVEL_MAX_BPM && period / 2 >= 2
                && accentRatio(accent, frames, period) >= FASTER
                && (subdivision == null || subdivisionRatio(subdivision, frames, period) < SUBDIVIDED)) {
            period /= 2;
        }
        while (60.0 * frameRate / (period * 2) >= LEVEL_MIN_BPM && period * 2 < frames / 4.0
                && accentRatio(accent, frames, period * 2) < SLOWER) {
            period *= 2;
        }
        while (60.0 * frameRate / period < LEVEL_MIN_BPM && period / 2 >= 2) {
            period /= 2;
        }
        while (60.0 * frameRate / period > LEVEL_MAX_BPM) {
            period *= 2;
        }
        return period;
    }

    /** {@link #metricalLevel} without the subdivision check. */
    public double metricalLevel(double[] accent, int frames, double lag) {
        return metricalLevel(accent, null, frames, lag);
    }

    /**
     * Mean over 4-second segments of the accent at the half-period phase relative to the accent at the
     * strongest phase of a grid of {@code period} frames (per grid point the largest value within +-1 frame).
     */
    public double accentRatio(double[] accent, int frames, double period) {
        return phaseRatio(accent, frames, period, 0.5);
    }

    /**
     * How strongly {@code envelope} is accented at both quarter points of a grid of {@code period} frames: the
     * smaller of the {@link #accentRatio}-style ratios at a quarter and at three quarters of the period after the
     * strongest phase. Sixteenth notes of a beat give about half the beat's accent at both; eighth notes of a
     * half bar leave one of the two quarter points (the other eighth is a beat) or both (a click) empty.
     */
    public double subdivisionRatio(double[] envelope, int frames, double period) {
        return Math.min(phaseRatio(envelope, frames, period, 0.25), phaseRatio(envelope, frames, period, 0.75));
    }

    /**
     * Sum over 4-second segments of the grid mean at {@code offset} periods after each segment's strongest
     * phase, over the sum of the strongest phases' grid means.
     */
    private double phaseRatio(double[] accent, int frames, double period, double offset) {
        int segment = Math.max((int) Math.ceil(2 * period), (int) Math.round(4.0 * frameRate));
        double weighted = 0;
        double weights = 0;
        int phases = (int) Math.ceil(period);
        for (int from = 0; from + segment <= frames; from += segment) {
            int bestPhase = 0;
            double bestValue = -1;
            for (int phase = 0; phase < phases; phase++) {
                double v = gridMean(accent, from, from + segment, phase, period);
                if (v > bestValue) {
                    bestValue = v;
                    bestPhase = phase;
                }
            }
            if (bestValue > 0) {
                double half = gridMean(accent, from, from + segment, bestPhase + offset * period, period);
                weighted += half;
                weights += bestValue;
            }
        }
        return weights > 0 ? weighted / weights : 0.0;
    }

    private static double gridMean(double[] a, int from, int to, double phase, double period) {
        double sum = 0;
        int n = 0;
        for (double x = from + phase; x < to; x += period) {
            int i = (int) Math.round(x);
            double m = a[Math.max(from, i - 1)];
            for (int j = Math.max(from, i - 1); j <= Math.min(to - 1, i + 1); j++) {
                m = Math.max(m, a[j]);
            }
            sum += m;
            n++;
        }
        return n == 0 ? 0 : sum / n;
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
