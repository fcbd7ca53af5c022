package dev.sonority.audio.key;

import java.util.Arrays;

/**
 * Harmonic pitch class profile (Gómez 2006, "Tonal description of music audio signals", ch. 3) accumulated over
 * the frames of one track, with the reference frequency estimated from the track itself.
 *
 * <p>Per frame ({@link #addFrame}), every spectral peak of frequency {@code f} and energy {@code m²} contributes to
 * the pitch of each candidate fundamental {@code f / h}, {@code h = 1..harmonics}, with weight
 * {@code slope^(h-1)} (a peak may be the h-th harmonic of a lower note). Contributions go into a
 * high-resolution profile of {@value #RESOLUTION} bins per semitone (10 cents, relative to A = 440 Hz, bin 0 = C),
 * split linearly between the two nearest bins. The frame profile is normalised to a maximum of 1 (Essentia's
 * {@code unitMax}) and added to the track sum, so loud and quiet passages weigh alike.
 *
 * <p>Tuning: the energy-weighted circular mean of the peaks' pitches modulo one semitone gives the deviation
 * of the track's tuning from A = 440 Hz (the idea of Essentia's {@code TuningFrequency}). {@link #fold} then
 * reads the 12 pitch classes at the tuned positions with a cosine-squared window one semitone wide, so the
 * profile's bins are independent of the tuning (a track at A = 435 Hz has the same HPCP as at 440 Hz).
 *
 * <p>Allocation-free per frame; not thread-safe.
 */
final class Hpcp {

    /** High-resolution bins per semitone. */
    static final int RESOLUTION = 10;
    static final int BINS = 12 * RESOLUTION;
    /** Semitones from C up to A (the reference pitch). */
    private static final double A_ABOVE_C = 9;

    private final double referenceHz;
    private final int harmonics;
    private final double[] harmonicWeight;
    private final double[] harmonicSemitones;
    private final double windowSemitones;
    private final double[] frame = new double[BINS];
    private final double[] sum = new double[BINS];
    private double tuningCos;
    private double tuningSin;
    private int frames;

    /**
     * @param referenceHz     the nominal frequency of A4 (440)
     * @param harmonics       candidate fundamentals per peak ({@code f / 1 .. f / harmonics})
     * @param slope           weight ratio of successive harmonics
     * @param windowSemitones width of the cosine-squared weighting window used when folding to 12 bins
     */
    Hpcp(double referenceHz, int harmonics, double slope, double windowSemitones) {
        this.referenceHz = referenceHz;
        this.harmonics = harmonics;
        this.windowSemitones = windowSemitones;
        this.harmonicWeight = new double[harmonics];
        this.harmonicSemitones = new double[harmonics];
        for (int h = 1; h <= harmonics; h++) {
            harmonicWeight[h - 1] = Math.pow(slope, h - 1);
            harmonicSemitones[h - 1] = 12 * Math.log(h) / Math.log(2);
        }
    }

    void reset() {
        Arrays.fill(sum, 0);
        tuningCos = 0;
        tuningSin = 0;
        frames = 0;
    }

    /** Adds one frame's peaks; a frame without peaks is ignored. */
    void addFrame(double[] frequencyHz, double[] magnitude, int count) {
        if (count == 0) {
            return;
        }
        Arrays.fill(frame, 0);
        double frameEnergy = 0;
        double frameCos = 0;
        double frameSin = 0;
        for (int p = 0; p < count; p++) {
            double energy = magnitude[p] * magnitude[p];
            double semitonesFromC = 12 * Math.log(frequencyHz[p] / referenceHz) / Math.log(2) + A_ABOVE_C;
            double phase = 2 * Math.PI * semitonesFromC;
            frameCos += energy * Math.cos(phase);
            frameSin += energy * Math.sin(phase);
            frameEnergy += energy;
            for (int h = 0; h < harmonics; h++) {
                addContribution(semitonesFromC - harmonicSemitones[h], energy * harmonicWeight[h]);
            }
        }
        double max = 0;
        for (double v : frame) {
            max = Math.max(max, v);
        }
        if (max <= 0) {
            return;
        }
        for (int i = 0; i < BINS; i++) {
            sum[i] += frame[i] / max;
        }
        tuningCos += frameCos / frameEnergy;
        tuningSin += frameSin / frameEnergy;
        frames++;
    }

    /** Splits {@code weight} at pitch {@code semitonesFromC} linearly between the two nearest 10-cent bins. */
    private void addContribution(double semitonesFromC, double weight) {
        double x = semitonesFromC * RESOLUTION;
        x -= Math.floor(x / BINS) * BINS;
        int lower = (int) x;
        double fraction = x - lower;
        if (lower >= BINS) {
            lower = 0;
            fraction = 0;
        }
        frame[lower] += weight * (1 - fraction);
        frame[(lower + 1) % BINS] += weight * fraction;
    }

    /** Frames added so far (frames with at least one peak). */
    int frames() {
        return frames;
    }

    /** Deviation of the track's tuning from the reference, in semitones, in [-0.5, 0.5]; 0 without frames. */
    double tuningSemitones() {
        if (frames == 0 || (tuningCos == 0 && tuningSin == 0)) {
            return 0;
        }
        return Math.atan2(tuningSin, tuningCos) / (2 * Math.PI);
    }

    /** The estimated frequency of A4 in Hz. */
    double tuningHz() {
        return referenceHz * Math.pow(2, tuningSemitones() / 12);
    }

    /**
     * Writes the mean profile folded to 12 pitch classes (index 0 = C … 11 = B) at the tuned bin centres,
     * normalised to a maximum of 1, into {@code out[0..12)}; all zeros without frames.
     */
    void fold(double[] out) {
        double tuning = tuningSemitones();
        double half = windowSemitones / 2;
        double max = 0;
        for (int pc = 0; pc < 12; pc++) {
            double centre = pc + tuning;
            double value = 0;
            for (int i = 0; i < BINS; i++) {
                double d = (double) i / RESOLUTION - centre;
                d -= 12 * Math.rint(d / 12);
                if (Math.abs(d) < half) {
                    double c = Math.cos(Math.PI * d / windowSemitones);
                    value += sum[i] * c * c;
                }
            }
            out[pc] = value;
            max = Math.max(max, value);
        }
        for (int pc = 0; pc < 12; pc++) {
            out[pc] = max > 0 ? out[pc] / max : 0;
        }
    }
}
