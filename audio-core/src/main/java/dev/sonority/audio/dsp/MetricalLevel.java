package dev.sonority.audio.dsp;

import org.jspecify.annotations.Nullable;

/**
 * Which of the related periods {@code lag * 2^k} is the beat, from where the onsets fall on a grid of each
 * period. The tempogram finds the strongest periodicity, which on drum patterns is often the two-beat period
 * (kick-snare pairs) or the eighth notes (hi-hats); this class walks the chain of doublings and halvings from it.
 *
 * <p>Going faster, the period is halved while the onsets half-way between its pulses are accented at least
 * {@link #FASTER} as strongly as the pulses themselves on the low-band accent envelope (a snare between two kicks is
 * a beat), unless the period is already divided in four ({@link #subdivided}); going slower, it is doubled while
 * every other pulse is weaker than {@link #SLOWER} times its neighbours (hi-hats between the beats are not beats).
 * The subdivision check is the tatum-tactus relation of Klapuri, Eronen and Astola (2006, "Analysis of the meter of
 * acoustic musical signals": the beat is a small whole multiple of the fastest regular pulse, the tatum), reduced to
 * one test: when both the full-band onsets and the cymbal band play the quarter points of a period, that period is
 * a beat of four sixteenths, and halving it would make an eighth note the beat. Low-band accents alone cannot tell
 * a funk beat (kicks on the "and" of 2 and 3, half-period ratio 0.6-0.85) from its eighth notes.
 *
 * <p>All ratios are measured per 4-second segment (so a slightly wrong period does not drift off the grid): the
 * grid's strongest phase in the segment is found, then the grid mean at a fraction of the period after it; the
 * sums over segments are divided. Grid points take the largest value within +-1 frame. Stateless apart from the
 * frame rate; allocates nothing.
 */
public final class MetricalLevel {

    /**
     * Half-period accent ratio at or above which the tempo doubles. Measured on the drum-pattern and click sets:
     * 0.25-0.3 is the plateau; 0.2 doubles rock beats into their eighth notes, 0.35-0.4 keeps funk half bars
     * (snare on 2 and 4, kick on 1 only: 0.35-0.41) as the beat.
     */
    public static final double FASTER = 0.28;
    /** Accent ratio of the doubled period below which the tempo halves (as {@link #FASTER}, so the two agree). */
    public static final double SLOWER = FASTER;
    /**
     * Quarter-point ratio (see {@link #subdivisionRatio}), on both the full band and the cymbal band, at or above
     * which a period is not halved. Measured on the drum-pattern set: funk beats with sixteenth hi-hats at least
     * 0.30 (full band) and 0.35 (cymbals); no half bar of any pattern (funk included) and no click track reaches 0.24
     * on both; 0.2-0.3 is the plateau.
     */
    public static final double SUBDIVIDED = 0.25;
    /** The beat is kept within these. */
    public static final double MIN_BPM = 55.0;
    public static final double MAX_BPM = 210.0;

    private final double frameRate;

    /** @param frameRate envelope frames per second */
    public MetricalLevel(double frameRate) {
        this.frameRate = frameRate;
    }

    /**
     * The beat period in frames, starting from {@code lag}. {@code accent}: the low-band onset envelope (kick,
     * bass, snare body); {@code onset}: the full-band one; {@code cymbals}: the onset envelope above about 3 kHz,
     * or null to skip the subdivision check.
     */
    public double beatPeriod(double[] accent, double[] onset, double @Nullable [] cymbals, int frames, double lag) {
        double period = lag;
        while (60.0 * frameRate / (period / 2) <= MAX_BPM && period / 2 >= 2
                && accentRatio(accent, frames, period) >= FASTER
                && !(cymbals != null && subdivided(onset, cymbals, frames, period))) {
            period /= 2;
        }
        while (60.0 * frameRate / (period * 2) >= MIN_BPM && period * 2 < frames / 4.0
                && accentRatio(accent, frames, period * 2) < SLOWER) {
            period *= 2;
        }
        while (60.0 * frameRate / period < MIN_BPM && period / 2 >= 2) {
            period /= 2;
        }
        while (60.0 * frameRate / period > MAX_BPM) {
            period *= 2;
        }
        return period;
    }

    /** Whether both envelopes are accented at both quarter points of {@code period} (a beat of sixteenths). */
    private boolean subdivided(double[] onset, double[] cymbals, int frames, double period) {
        return subdivisionRatio(cymbals, frames, period) >= SUBDIVIDED
                && subdivisionRatio(onset, frames, period) >= SUBDIVIDED;
    }

    /** The accent at the half-period phase relative to the accent at the strongest phase of a {@code period} grid. */
    public double accentRatio(double[] envelope, int frames, double period) {
        return phaseRatio(envelope, frames, period, 0.5);
    }

    /**
     * How strongly {@code envelope} is accented at both quarter points of a {@code period} grid: the smaller of the
     * ratios at a quarter and at three quarters of the period after the strongest phase. The sixteenth notes of a
     * beat are accented at both; the eighth notes of a half bar leave one or both empty in the full band (one of
     * them is a beat) or in the cymbal band (where the snare outweighs them), a click track both.
     */
    public double subdivisionRatio(double[] envelope, int frames, double period) {
        return Math.min(phaseRatio(envelope, frames, period, 0.25), phaseRatio(envelope, frames, period, 0.75));
    }

    private double phaseRatio(double[] envelope, int frames, double period, double offset) {
        int segment = Math.max((int) Math.ceil(2 * period), (int) Math.round(4.0 * frameRate));
        double atOffset = 0;
        double atBest = 0;
        int phases = (int) Math.ceil(period);
        for (int from = 0; from + segment <= frames; from += segment) {
            int bestPhase = 0;
            double bestValue = -1;
            double bestKey = Double.NEGATIVE_INFINITY;
            for (int phase = 0; phase < phases; phase++) {
                double v = gridMean(envelope, from, from + segment, phase, period, 1);
                // the +-1 frame maximum makes neighbouring phases tie: the phase whose own frames are strongest
                // wins, so the grid sits on the onsets and the offset phase does not miss them by one frame
                double key = v + 1e-6 * gridMean(envelope, from, from + segment, phase, period, 0);
                if (key > bestKey) {
                    bestKey = key;
                    bestValue = v;
                    bestPhase = phase;
                }
            }
            if (bestValue > 0) {
                atOffset += gridMean(envelope, from, from + segment, bestPhase + offset * period, period, 1);
                atBest += bestValue;
            }
        }
        return atBest > 0 ? atOffset / atBest : 0.0;
    }

    /** Mean over the grid points in {@code [from, to)} of the largest value within {@code +-reach} frames. */
    private static double gridMean(double[] a, int from, int to, double phase, double period, int reach) {
        double sum = 0;
        int n = 0;
        for (double x = from + phase; x < to; x += period) {
            int i = (int) Math.round(x);
            double m = a[Math.min(to - 1, Math.max(from, i - reach))];
            for (int j = Math.max(from, i - reach); j <= Math.min(to - 1, i + reach); j++) {
                m = Math.max(m, a[j]);
            }
            sum += m;
            n++;
        }
        return n == 0 ? 0 : sum / n;
    }
}
