package dev.sonority.audio.acoustic;

import dev.sonority.contract.vector.Vectors;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The stored {@code raw} vector of the {@code acoustic_features} model and the weights that turn it into the
 * search vector. The raw vector starts with Lainbow's 55 values in Lainbow's order (so the analysis endpoint can
 * slice MFCC and chroma means out of it) and continues with timbre-over-time and production descriptors:
 *
 * <pre>
 *  0      bpm (imputed as {@link #IMPUTED_BPM} when no tempo was found: see {@link #bpmImputed})
 *  1-4    spectral centroid mean, std; spectral bandwidth mean, std (Hz)
 *  5-17   13 MFCC means;  18-30 13 MFCC stds
 *  31-42  12 chroma means; 43-54 12 chroma stds
 *  55-56  frame RMS level in dB: mean, std (loudness dynamics)
 *  57     zero-crossing rate mean
 *  58-59  85 % roll-off mean, std (Hz)
 *  60-61  spectral flatness in dB (10 log10 of the mean), std of the linear flatness
 *  62     onset rate (onsets per second)
 *  63-75  13 MFCC delta stds (how fast the timbre changes)
 *  76-82  7 spectral contrast means (dB);  83-89 7 spectral contrast stds
 *  90     beat confidence
 * </pre>
 *
 * <p>The search vector takes every dimension {@code d} of the raw vector with a non-zero weight, as
 * {@code w(d) * (raw[d] - mean[d]) / std[d]} with library-wide statistics ({@link AcousticStatistics}), then
 * scales it to unit length. A group's weight is spread over its dimensions ({@code w(d) = groupWeight /
 * sqrt(groupSize)}) so that a group's share of the distance does not grow with its size. The weights were chosen by
 * precision@10 on generated albums ({@code ./sonority bench acoustic-eval}, README "Acoustic search vector"):
 * tempo and chroma, which change from track to track of an album, get none.
 */
public final class AcousticVector {

    /** Raw dimensions stored per song. */
    public static final int RAW_DIMENSIONS = 91;
    /** The raw bpm of a song without a detectable tempo: the centre of the tempo prior. */
    public static final double IMPUTED_BPM = 120.0;

    /** Consecutive raw dimensions that describe one thing, weighted together. */
    public enum Group {
        BPM(0, 1), CENTROID(1, 2), BANDWIDTH(3, 2), MFCC_MEAN(5, 13), MFCC_STD(18, 13), CHROMA_MEAN(31, 12),
        CHROMA_STD(43, 12), LEVEL(55, 2), ZCR(57, 1), ROLLOFF(58, 2), FLATNESS(60, 2), ONSET_RATE(62, 1),
        MFCC_DELTA_STD(63, 13), CONTRAST_MEAN(76, 7), CONTRAST_STD(83, 7), BEAT_CONFIDENCE(90, 1);

        private final int from;
        private final int size;

        Group(int from, int size) {
            this.from = from;
            this.size = size;
        }

        public int from() {
            return from;
        }

        public int size() {
            return size;
        }
    }

    /** Lainbow's vector: its 55 values z-scored with equal weight, nothing else (the baseline). */
    public static final AcousticVector LAINBOW_55 = of(
            1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /**
     * Sonority's search vector, group weights in {@link Group} order. Coordinate search on albums 0..15 gave
     * bpm 0.5, chroma means 0.5 and 0 for centroid, MFCC stds, ZCR, roll-off and contrast means (p@10 0.911 there,
     * 0.888 / 0.886 on albums 1000.. / 2000..); keeping every timbre group at 0.5 or more and tempo and chroma at 0
     * scores 0.866 / 0.885 on those held-out sets, within noise of the fitted weights, and does not lean on the
     * generator's shared tempo ranges or on key, which real albums do not share.
     */
    public static final AcousticVector SEARCH = of(
            0, 0.5, 1, 1, 0.5, 0, 0, 2, 0.5, 0.5, 1, 1, 1, 0.5, 1, 1);

    private final double[] groupWeights;
    private final double[] dimWeights;
    private final int[] used;

    private AcousticVector(double[] groupWeights) {
        if (groupWeights.length != Group.values().length) {
            throw new IllegalArgumentException("need " + Group.values().length + " group weights, got " + groupWeights.length);
        }
        this.groupWeights = groupWeights.clone();
        this.dimWeights = new double[RAW_DIMENSIONS];
        for (Group g : Group.values()) {
            double w = groupWeights[g.ordinal()];
            if (!(w >= 0) || !Double.isFinite(w)) {
                throw new IllegalArgumentException("weight of " + g + " must be finite and >= 0: " + w);
            }
            Arrays.fill(dimWeights, g.from, g.from + g.size, w / Math.sqrt(g.size));
        }
        this.used = java.util.stream.IntStream.range(0, RAW_DIMENSIONS).filter(d -> dimWeights[d] > 0).toArray();
        if (used.length == 0) {
            throw new IllegalArgumentException("every weight is 0");
        }
    }

    /** A vector with these group weights, in {@link Group} order. */
    public static AcousticVector of(double... groupWeights) {
        return new AcousticVector(groupWeights);
    }

    /** Group weights in {@link Group} order. */
    public double[] groupWeights() {
        return groupWeights.clone();
    }

    /** Dimensions of the search vector (raw dimensions with a non-zero weight). */
    public int dimensions() {
        return used.length;
    }

    /**
     * The raw vector of {@code features}, or null when the spectral descriptors are missing (silence, input
     * shorter than a second, broken samples: {@link AcousticFeatures#unavailable()} says why). A missing tempo is
     * imputed ({@link #IMPUTED_BPM}), so a track without a beat (ambient, a steady tone) is still searchable.
     */
    public static float @Nullable [] raw(AcousticFeatures f) {
        if (f.spectralCentroid() == null || f.spectralBandwidth() == null || f.mfcc() == null || f.chroma() == null
                || f.loudnessDynamics() == null || f.zeroCrossingRateMean() == null || f.spectralRolloff() == null
                || f.spectralFlatness() == null || f.onsetRate() == null || f.mfccDelta() == null
                || f.spectralContrast() == null || f.beatConfidence() == null) {
            return null;
        }
        float[] out = new float[RAW_DIMENSIONS];
        int i = 0;
        out[i++] = (float) (f.bpm() == null ? IMPUTED_BPM : f.bpm());
        out[i++] = (float) f.spectralCentroid().mean();
        out[i++] = (float) f.spectralCentroid().std();
        out[i++] = (float) f.spectralBandwidth().mean();
        out[i++] = (float) f.spectralBandwidth().std();
        i = put(out, i, f.mfcc().means());
        i = put(out, i, f.mfcc().stds());
        i = put(out, i, f.chroma().means());
        i = put(out, i, f.chroma().stds());
        out[i++] = (float) f.loudnessDynamics().mean();
        out[i++] = (float) f.loudnessDynamics().std();
        out[i++] = f.zeroCrossingRateMean().floatValue();
        out[i++] = (float) f.spectralRolloff().mean();
        out[i++] = (float) f.spectralRolloff().std();
        out[i++] = (float) (10 * Math.log10(Math.max(f.spectralFlatness().mean(), 1e-10)));
        out[i++] = (float) f.spectralFlatness().std();
        out[i++] = f.onsetRate().floatValue();
        i = put(out, i, f.mfccDelta().stds());
        i = put(out, i, f.spectralContrast().means());
        i = put(out, i, f.spectralContrast().stds());
        out[i++] = f.beatConfidence().floatValue();
        if (i != RAW_DIMENSIONS) {
            throw new IllegalStateException("raw layout filled " + i + " of " + RAW_DIMENSIONS + " dimensions");
        }
        return out;
    }

    /**
     * The raw vector of digital silence, which the extractor does not analyse (every descriptor is null for it):
     * what librosa's definitions give for an all-zero signal, so a silent track (a hidden-track gap, a broken rip)
     * is still searchable and finds the other silent ones. The dB mel spectrogram is -100 dB everywhere, so MFCC 0
     * is -100 sqrt(128) and the others 0; centroid, bandwidth, roll-off, chroma, ZCR, onsets 0; frame level at the
     * -100 dB floor; flatness 1 (0 dB: every bin equals the floor); contrast 0 dB; every std 0; tempo imputed.
     */
    public static float[] silence() {
        float[] out = new float[RAW_DIMENSIONS];
        out[Group.BPM.from()] = (float) IMPUTED_BPM;
        out[Group.MFCC_MEAN.from()] = (float) (-100 * Math.sqrt(AcousticFeatureExtractor.MEL_BANDS));
        out[Group.LEVEL.from()] = (float) AcousticFeatureExtractor.LEVEL_FLOOR_DB;
        return out;
    }

    /** True when {@link #raw} imputed the tempo of {@code f}. */
    public static boolean bpmImputed(AcousticFeatures f) {
        return f.bpm() == null;
    }

    /**
     * The search vector of one raw vector: z-scored with {@code stats}, weighted, unit length. A dimension whose
     * library-wide spread is zero carries no information and contributes 0; when every weighted value is 0 (a
     * song exactly at the library mean, or a library of one song) the vector is the unit vector along the first
     * used dimension, so it is still a valid, finite search vector (the normalisation itself is common-contract's
     * {@link Vectors#normalizeInPlace}, which refuses a vector without a direction).
     */
    public float[] search(float[] raw, AcousticStatistics stats) {
        if (raw.length != RAW_DIMENSIONS || stats.dimensions() != RAW_DIMENSIONS) {
            throw new IllegalArgumentException("raw vector has " + raw.length + " values, statistics "
                    + stats.dimensions() + "; both need " + RAW_DIMENSIONS);
        }
        float[] out = new float[used.length];
        for (int j = 0; j < used.length; j++) {
            int d = used[j];
            double std = stats.std(d);
            out[j] = (float) (std > AcousticStatistics.MIN_STD ? dimWeights[d] * (raw[d] - stats.mean(d)) / std : 0.0);
        }
        if (!Vectors.hasDirection(out)) { // common-contract's zero-vector rule: this model's answer to it
            Arrays.fill(out, 0f);
            out[0] = 1f;
            return out;
        }
        return Vectors.normalizeInPlace(out);
    }

    /** The group names and weights, for reports. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        for (Group g : Group.values()) {
            if (groupWeights[g.ordinal()] > 0) {
                s.append(s.isEmpty() ? "" : ", ").append(g.name().toLowerCase(java.util.Locale.ROOT)).append('=')
                        .append(groupWeights[g.ordinal()]);
            }
        }
        return s.toString();
    }

    /** The groups, in order. */
    public static List<Group> groups() {
        return List.of(Group.values());
    }

    private static int put(float[] out, int i, double[] values) {
        for (double v : values) {
            out[i++] = (float) v;
        }
        return i;
    }
}
