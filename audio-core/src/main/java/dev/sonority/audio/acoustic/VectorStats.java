package dev.sonority.audio.acoustic;

import java.util.Arrays;

/**
 * Per-dimension means and population standard deviations of a per-frame vector descriptor (MFCC, chroma); all
 * finite. Immutable: the arrays are copied in and out.
 */
public final class VectorStats {

    private final double[] means;
    private final double[] stds;

    public VectorStats(double[] means, double[] stds) {
        if (means.length != stds.length) {
            throw new IllegalArgumentException(means.length + " means but " + stds.length + " stds");
        }
        for (int i = 0; i < means.length; i++) {
            if (!Double.isFinite(means[i]) || !Double.isFinite(stds[i]) || stds[i] < 0) {
                throw new IllegalArgumentException("dimension " + i + " is not finite: " + means[i] + ", " + stds[i]);
            }
        }
        this.means = means.clone();
        this.stds = stds.clone();
    }

    public int dimensions() {
        return means.length;
    }

    public double mean(int dimension) {
        return means[dimension];
    }

    public double std(int dimension) {
        return stds[dimension];
    }

    public double[] means() {
        return means.clone();
    }

    public double[] stds() {
        return stds.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VectorStats v && Arrays.equals(means, v.means) && Arrays.equals(stds, v.stds);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(means) + Arrays.hashCode(stds);
    }

    @Override
    public String toString() {
        return "VectorStats[means=" + Arrays.toString(means) + ", stds=" + Arrays.toString(stds) + "]";
    }
}
