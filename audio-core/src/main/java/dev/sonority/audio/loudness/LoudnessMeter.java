package dev.sonority.audio.loudness;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Integrated loudness (ITU-R BS.1770-4 Annex 1, EBU R 128) and loudness range (EBU Tech 3342) of mono float PCM
 * at 8-384 kHz, in one pass.
 *
 * <ol>
 *   <li>K-weighting: the two biquads of {@link KWeighting}, in double precision (transposed direct
 *       form II). The filters start in the steady state of the first sample, as if the signal had been at that value
 *       before it began ({@code scipy.signal.lfilter_zi}); from a zero state a DC offset would enter as a step and
 *       its high-pass transient would read as a loud first block.</li>
 *   <li>Mean square per 100 ms hop: the sum of squares of every 100 ms segment
 *       ({@code round(fs / 10)} samples) is kept, 10 values a second.</li>
 *   <li>Gating (BS.1770-4 eq. 4-7): 400 ms blocks (4 hops, 75 % overlap), absolute gate
 *       -70 LUFS, relative gate 10 LU below the loudness of the blocks above the absolute gate, integrated loudness
 *       {@code -0.691 + 10 log10(mean square of the blocks above both gates)}. Only complete blocks count.</li>
 *   <li>Loudness range (Tech 3342 section 3.1): short-term loudness over 3 s windows moved by
 *       100 ms (10 short-term values a second to rank), absolute gate -70 LUFS, relative gate 20 LU
 *       below the power mean of the short-term values above it, LRA = 95th - 10th percentile of the rest (nearest
 *       rank, index {@code round((n - 1) p)} of the sorted values).</li>
 * </ol>
 *
 * <p>The signal is one channel of weight 1.0; see {@link Loudness} for how that relates to stereo measurements.
 *
 * <p>Use: {@link #measure(float[])} for a whole signal, or {@link #process} block by block (e.g. from a streaming
 * decode) followed by {@link #result()}. {@link #process} allocates nothing except when the list of hop energies
 * outgrows its capacity (initially 10 minutes, then grown by half); {@link #result()} reuses its buffers and allocates only what it returns.
 * Not thread-safe: one meter per thread, reusable after {@link #reset()}.
 */
public final class LoudnessMeter {

    /** Lowest and highest supported sample rate, in Hz. */
    public static final int MIN_SAMPLE_RATE = 8_000, MAX_SAMPLE_RATE = 384_000;

    static final double LOUDNESS_OFFSET_DB = -0.691;
    static final double ABSOLUTE_GATE_LUFS = -70;
    static final double RELATIVE_GATE_LU = -10;
    static final double LRA_RELATIVE_GATE_LU = -20;
    static final int HOPS_PER_BLOCK = 4;
    static final int HOPS_PER_SHORT_TERM = 30;
    static final double LRA_LOW_PERCENTILE = 0.10, LRA_HIGH_PERCENTILE = 0.95;
    /** Filter states below this are flushed to 0 at hop boundaries, so long silences never run on subnormals. */
    private static final double FLUSH_BELOW = 1e-20;
    private static final int INITIAL_HOPS = 10 * 60 * 10;

    private final int sampleRate;
    private final int hopLength;
    private final double p0, p1, p2, pa1, pa2;  // pre-filter (high shelf)
    private final double r0, r1, r2, ra1, ra2;  // RLB high-pass
    private final double preFilterDcGain;

    // streaming state
    private double s1, s2, t1, t2;  // TDF-II states of the two stages
    private double hopSum;
    private int hopFill;
    private long samples;
    private double[] hopEnergies = new double[INITIAL_HOPS];
    private int hops;
    private double[] scratch = new double[INITIAL_HOPS];

    /** A meter for mono PCM at {@code sampleRate} Hz (8 000 to 384 000). */
    public LoudnessMeter(int sampleRate) {
        if (sampleRate < MIN_SAMPLE_RATE || sampleRate > MAX_SAMPLE_RATE) {
            throw new IllegalArgumentException("sample rate must be " + MIN_SAMPLE_RATE + "-" + MAX_SAMPLE_RATE + " Hz, was " + sampleRate);
        }
        this.sampleRate = sampleRate;
        this.hopLength = Math.round(sampleRate / 10f);
        KWeighting k = KWeighting.forSampleRate(sampleRate);
        Biquad p = k.preFilter(), r = k.rlbHighPass();
        p0 = p.b0(); p1 = p.b1(); p2 = p.b2(); pa1 = p.a1(); pa2 = p.a2();
        r0 = r.b0(); r1 = r.b1(); r2 = r.b2(); ra1 = r.a1(); ra2 = r.a2();
        preFilterDcGain = p.dcGain();
    }

    /** The sample rate this meter measures, in Hz. */
    public int sampleRate() {
        return sampleRate;
    }

    /** Measures a whole signal: {@link #reset()}, {@link #process} and {@link #result()}. */
    public Loudness measure(float[] pcm) {
        reset();
        process(pcm, 0, pcm.length);
        return result();
    }

    /** Forgets everything processed so far. */
    public void reset() {
        s1 = s2 = t1 = t2 = 0;
        hopSum = 0;
        hopFill = 0;
        samples = 0;
        hops = 0;
    }

    /** Adds {@code length} samples from {@code pcm[offset]} on to the measurement. */
    public void process(float[] pcm, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, pcm.length);
        if (length > 0 && samples == 0) {
            startInSteadyState(pcm[offset]);
        }
        int end = offset + length;
        for (int i = offset; i < end; ) {
            int n = Math.min(end - i, hopLength - hopFill);
            kWeight(pcm, i, n);
            i += n;
            hopFill += n;
            if (hopFill == hopLength) {
                accumulateHop();
            }
        }
        samples += length;
    }

    /** The loudness of everything processed since the last {@link #reset()}; processing may go on afterwards. */
    public Loudness result() {
        double seconds = (double) samples / sampleRate;
        for (int j = 0; j < hops; j++) {
            if (!Double.isFinite(hopEnergies[j])) {
                String reason = "non-finite samples (NaN or infinity) in the input";
                return new Loudness(seconds, null, reason, null, reason);
            }
        }
        double integrated = integratedLoudness();
        double range = loudnessRange();
        @Nullable String integratedReason = !Double.isNaN(integrated) ? null
                : hops < HOPS_PER_BLOCK ? tooShort(seconds, "integrated loudness needs at least one 400 ms block")
                : "silence: every 400 ms block is below the absolute gate of -70 LUFS";
        @Nullable String rangeReason = !Double.isNaN(range) ? null
                : hops < HOPS_PER_SHORT_TERM ? tooShort(seconds, "loudness range needs at least one 3 s window")
                : "silence: every 3 s window is below the absolute gate of -70 LUFS";
        return new Loudness(seconds,
                integratedReason == null ? integrated : null, integratedReason,
                rangeReason == null ? range : null, rangeReason);
    }

    private static String tooShort(double seconds, String need) {
        return String.format(Locale.ROOT, "too short: %.3f s, %s", seconds, need);
    }

    /** Filter states for a signal that had been at {@code x} forever: stage 1 outputs its DC gain times x, stage 2 0. */
    private void startInSteadyState(float x) {
        double y = preFilterDcGain * x;
        s1 = y - p0 * x;
        s2 = p2 * x - pa2 * y;
        // stage 2 input is the constant y, its output 0 (its numerator sums to 0)
        t1 = -r0 * y;
        t2 = r2 * y;
    }

    /** K-weights {@code n} samples and adds their squares to the current hop (BS.1770-4 eq. 1, one channel). */
    private void kWeight(float[] pcm, int from, int n) {
        double a = s1, b = s2, c = t1, d = t2, sum = hopSum;
        for (int i = from, end = from + n; i < end; i++) {
            double x = pcm[i];
            double y = p0 * x + a;
            a = p1 * x - pa1 * y + b;
            b = p2 * x - pa2 * y;
            double z = r0 * y + c;
            c = r1 * y - ra1 * z + d;
            d = r2 * y - ra2 * z;
            sum += z * z;
        }
        s1 = a; s2 = b; t1 = c; t2 = d;
        hopSum = sum;
    }

    /** Stores the finished hop's sum of squares and starts the next hop. */
    private void accumulateHop() {
        if (hops == hopEnergies.length) {
            hopEnergies = Arrays.copyOf(hopEnergies, hops + hops / 2);
        }
        hopEnergies[hops++] = hopSum;
        hopSum = 0;
        hopFill = 0;
        s1 = flush(s1); s2 = flush(s2); t1 = flush(t1); t2 = flush(t2);
    }

    private static double flush(double state) {
        return Math.abs(state) < FLUSH_BELOW ? 0 : state;
    }

    /** BS.1770-4 eq. 4-7 over the 400 ms blocks; NaN when there is no block or every block is below -70 LUFS. */
    private double integratedLoudness() {
        int blocks = hops - HOPS_PER_BLOCK + 1;
        if (blocks < 1) {
            return Double.NaN;
        }
        double[] z = meanSquares(HOPS_PER_BLOCK, blocks);
        double absolute = energyOf(ABSOLUTE_GATE_LUFS);
        double sum = 0;
        int kept = 0;
        for (int j = 0; j < blocks; j++) {
            if (z[j] > absolute) {
                sum += z[j];
                kept++;
            }
        }
        if (kept == 0) {
            return Double.NaN;
        }
        double relative = Math.max(absolute, sum / kept * Math.pow(10, RELATIVE_GATE_LU / 10));
        double gatedSum = 0;
        int gated = 0;
        for (int j = 0; j < blocks; j++) {
            if (z[j] > relative) {
                gatedSum += z[j];
                gated++;
            }
        }
        return loudnessOf(gatedSum / gated);  // gated >= 1: the loudest block is above the mean, so above the gate
    }

    /** Tech 3342 over the 3 s short-term windows; NaN when there is no window or every window is below -70 LUFS. */
    private double loudnessRange() {
        int windows = hops - HOPS_PER_SHORT_TERM + 1;
        if (windows < 1) {
            return Double.NaN;
        }
        double[] s = meanSquares(HOPS_PER_SHORT_TERM, windows);
        double absolute = energyOf(ABSOLUTE_GATE_LUFS);
        double sum = 0;
        int kept = 0;
        for (int j = 0; j < windows; j++) {
            if (s[j] > absolute) {
                sum += s[j];
                kept++;
            }
        }
        if (kept == 0) {
            return Double.NaN;
        }
        double relative = Math.max(absolute, sum / kept * Math.pow(10, LRA_RELATIVE_GATE_LU / 10));
        int n = 0;
        for (int j = 0; j < windows; j++) {
            if (s[j] > relative) {
                s[n++] = s[j];  // compacts in place: n <= j
            }
        }
        Arrays.sort(s, 0, n);
        double low = s[(int) Math.round((n - 1) * LRA_LOW_PERCENTILE)];
        double high = s[(int) Math.round((n - 1) * LRA_HIGH_PERCENTILE)];
        return 10 * Math.log10(high / low);  // a difference of loudness values: the -0.691 offset cancels
    }

    /**
     * Mean squares of {@code count} windows of {@code width} hops each, moved by one hop, into the scratch buffer.
     * Each window is summed afresh (no running sum whose rounding error a loud passage would leave in the silence
     * after it).
     */
    private double[] meanSquares(int width, int count) {
        if (scratch.length < count) {
            scratch = new double[hopEnergies.length];
        }
        double samplesPerWindow = (double) width * hopLength;
        for (int j = 0; j < count; j++) {
            double sum = 0;
            for (int h = j; h < j + width; h++) {
                sum += hopEnergies[h];
            }
            scratch[j] = sum / samplesPerWindow;
        }
        return scratch;
    }

    /** Mean square whose loudness is {@code lufs} (inverse of BS.1770-4 eq. 2). */
    private static double energyOf(double lufs) {
        return Math.pow(10, (lufs - LOUDNESS_OFFSET_DB) / 10);
    }

    /** BS.1770-4 eq. 2 for one channel of weight 1. */
    private static double loudnessOf(double meanSquare) {
        return LOUDNESS_OFFSET_DB + 10 * Math.log10(meanSquare);
    }
}
