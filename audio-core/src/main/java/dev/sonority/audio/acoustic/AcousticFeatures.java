package dev.sonority.audio.acoustic;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The acoustic descriptors of one track. Every value is finite; a descriptor that cannot be computed is
 * {@code null} and {@link #unavailable()} says why (silence, audio shorter than one second, no detectable
 * onsets, ...). Warnings name properties of the input that were handled but may bias values (a DC offset that
 * was removed, clipping).
 *
 * @param durationSeconds length of the analysed PCM
 * @param bpm global tempo in beats per minute ({@link dev.sonority.audio.dsp.TempoEstimator})
 * @param spectralCentroid spectral centroid in Hz (per frame, then mean / std over frames)
 * @param spectralBandwidth spectral bandwidth (p = 2) in Hz
 * @param mfcc 13 MFCCs (128 Slaney mel bands, dB, DCT-II ortho)
 * @param chroma 12 chroma bins (C, C#, ..., B), each frame scaled to a maximum of 1
 * @param rmsMean mean RMS level of 2048-sample frames (linear, full scale 1; AudioMuse-AI's "energy")
 * @param zeroCrossingRateMean mean zero-crossing rate (crossings per sample)
 * @param spectralRolloff 85 % roll-off frequency in Hz
 * @param spectralFlatness spectral flatness in [0, 1]
 * @param onsetRate detected onsets per second
 * @param mfccDelta first-order deltas of the 13 MFCCs (per frame)
 * @param spectralContrast octave-band spectral contrast in dB, 7 bands (0-200 Hz, 200-400, ..., 6.4 kHz-Nyquist)
 * @param beatConfidence how periodic the onsets are at {@code bpm}, in [0, 1]
 *     ({@link dev.sonority.audio.dsp.TempoEstimator#beatConfidence}); 0 when no tempo was found
 * @param loudnessDynamics frame RMS level in dB (2048-sample frames, floor -100 dB): mean and std over frames
 * @param unavailable the reason for every descriptor that is {@code null}
 * @param warnings properties of the input that were handled but may bias values
 */
public record AcousticFeatures(
        double durationSeconds,
        @Nullable Double bpm,
        @Nullable MeanStd spectralCentroid,
        @Nullable MeanStd spectralBandwidth,
        @Nullable VectorStats mfcc,
        @Nullable VectorStats chroma,
        @Nullable Double rmsMean,
        @Nullable Double zeroCrossingRateMean,
        @Nullable MeanStd spectralRolloff,
        @Nullable MeanStd spectralFlatness,
        @Nullable Double onsetRate,
        @Nullable VectorStats mfccDelta,
        @Nullable VectorStats spectralContrast,
        @Nullable Double beatConfidence,
        @Nullable MeanStd loudnessDynamics,
        Map<Descriptor, String> unavailable,
        List<String> warnings) {

    /** Number of values in {@link #lainbow55()}. */
    public static final int LAINBOW_DIMENSIONS = 55;

    public AcousticFeatures {
        unavailable = unavailable.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(unavailable));
        warnings = List.copyOf(warnings);
        for (Double v : new Double[] {bpm, rmsMean, zeroCrossingRateMean, onsetRate, beatConfidence}) {
            if (v != null && !Double.isFinite(v)) {
                throw new IllegalArgumentException("descriptor value is not finite: " + v);
            }
        }
        Object[] byDescriptor = {bpm, spectralCentroid, spectralBandwidth, mfcc, chroma, rmsMean, zeroCrossingRateMean,
            spectralRolloff, spectralFlatness, onsetRate, mfccDelta, spectralContrast, beatConfidence, loudnessDynamics};
        for (Descriptor d : Descriptor.values()) {
            boolean missing = byDescriptor[d.ordinal()] == null;
            if (missing != unavailable.containsKey(d)) {
                throw new IllegalArgumentException(d + (missing ? " is null without a reason" : " has a value and a reason"));
            }
        }
    }

    /** The reason {@code descriptor} is missing, or {@code null} when it is present. */
    public @Nullable String reasonUnavailable(Descriptor descriptor) {
        return unavailable.get(descriptor);
    }

    /** True when every one of the 55 Lainbow values is present. */
    public boolean hasLainbow55() {
        return bpm != null && spectralCentroid != null && spectralBandwidth != null && mfcc != null && chroma != null;
    }

    /**
     * Lainbow's raw 55-value vector, in its order: bpm; spectral centroid mean, std; spectral bandwidth mean, std;
     * 13 MFCC means; 13 MFCC stds; 12 chroma means; 12 chroma stds (not yet z-scored or normalised). {@code null}
     * when one of them is missing ({@link #unavailable()} says which and why).
     */
    public float @Nullable [] lainbow55() {
        if (!hasLainbow55()) {
            return null;
        }
        float[] out = new float[LAINBOW_DIMENSIONS];
        int i = 0;
        out[i++] = bpm.floatValue();
        out[i++] = (float) spectralCentroid.mean();
        out[i++] = (float) spectralCentroid.std();
        out[i++] = (float) spectralBandwidth.mean();
        out[i++] = (float) spectralBandwidth.std();
        for (int k = 0; k < mfcc.dimensions(); k++) {
            out[i++] = (float) mfcc.mean(k);
        }
        for (int k = 0; k < mfcc.dimensions(); k++) {
            out[i++] = (float) mfcc.std(k);
        }
        for (int k = 0; k < chroma.dimensions(); k++) {
            out[i++] = (float) chroma.mean(k);
        }
        for (int k = 0; k < chroma.dimensions(); k++) {
            out[i++] = (float) chroma.std(k);
        }
        return out;
    }

    public @Nullable Double spectralCentroidMean() {
        return spectralCentroid == null ? null : spectralCentroid.mean();
    }

    public @Nullable Double spectralBandwidthMean() {
        return spectralBandwidth == null ? null : spectralBandwidth.mean();
    }

    /** The 13 MFCC means (Lainbow's {@code mfcc_mean}), or {@code null}. */
    public double @Nullable [] mfccMeans() {
        return mfcc == null ? null : mfcc.means();
    }

    /** The 12 chroma means (Lainbow's {@code chroma_mean}), or {@code null}. */
    public double @Nullable [] chromaMeans() {
        return chroma == null ? null : chroma.means();
    }
}
