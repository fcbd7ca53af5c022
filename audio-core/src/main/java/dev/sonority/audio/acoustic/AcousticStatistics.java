package dev.sonority.audio.acoustic;

import java.util.Arrays;

/**
 * Library-wide mean and population standard deviation of each raw acoustic dimension, over {@code count} songs:
 * what the search vector is z-scored with. Built incrementally ({@link Accumulator}, Welford's update, so a
 * library is streamed once and never held in memory) or restored from storage ({@link #of}).
 */
public final class AcousticStatistics {

    /** A dimension whose spread is at most this is treated as constant (it carries no information). */
    public static final double MIN_STD = 1e-9;

    private final double[] means;
    private final double[] stds;
    private final long count;

    private AcousticStatistics(double[] means, double[] stds, long count) {
        if (means.length != stds.length) {
            throw new IllegalArgumentException(means.length + " means but " + stds.length + " stds");
        }
        for (int d = 0; d < means.length; d++) {
            if (!Double.isFinite(means[d]) || !Double.isFinite(stds[d]) || stds[d] < 0) {
                throw new IllegalArgumentException("statistics of dimension " + d + " are not finite: " + means[d] + ", " + stds[d]);
            }
        }
        this.means = means.clone();
        this.stds = stds.clone();
        this.count = count;
    }

    /** Statistics restored from storage. */
    public static AcousticStatistics of(double[] means, double[] stds, long count) {
        return new AcousticStatistics(means, stds, count);
    }

    public int dimensions() {
        return means.length;
    }

    public double mean(int d) {
        return means[d];
    }

    public double std(int d) {
        return stds[d];
    }

    public double[] means() {
        return means.clone();
    }

    public double[] stds() {
        return stds.clone();
    }

    /** Songs the statistics were computed over. */
    public long count() {
        return count;
    }

    /** Streams raw vectors into running means and variances. */
    public static final class Accumulator {

        private final double[] mean;
        private final double[] m2;
        private long n;

        public Accumulator(int dimensions) {
            mean = new double[dimensions];
            m2 = new double[dimensions];
        }

        public void add(float[] raw) {
            if (raw.length != mean.length) {
                throw new IllegalArgumentException("raw vector has " + raw.length + " values, expected " + mean.length);
            }
            n++;
            for (int d = 0; d < raw.length; d++) {
                double delta = raw[d] - mean[d];
                mean[d] += delta / n;
                m2[d] += delta * (raw[d] - mean[d]);
            }
        }

        public long count() {
            return n;
        }

        public AcousticStatistics build() {
            double[] std = new double[mean.length];
            if (n > 0) {
                for (int d = 0; d < std.length; d++) {
                    std[d] = Math.sqrt(Math.max(0.0, m2[d] / n));
                }
            }
            return new AcousticStatistics(mean, std, n);
        }
    }

    @Override
    public String toString() {
        return "AcousticStatistics[count=" + count + ", means=" + Arrays.toString(means) + "]";
    }
}
