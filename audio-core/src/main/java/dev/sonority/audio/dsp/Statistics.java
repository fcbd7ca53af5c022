package dev.sonority.audio.dsp;

/** Mean and population standard deviation ({@code numpy.std}, ddof 0) over strided arrays, two-pass. */
public final class Statistics {

    private Statistics() {}

    /** Mean of {@code values[offset + i * stride]} for {@code i < count}. */
    public static double mean(double[] values, int offset, int stride, int count) {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += values[offset + i * stride];
        }
        return sum / count;
    }

    /** Population standard deviation of the same elements around {@code mean}. */
    public static double std(double[] values, int offset, int stride, int count, double mean) {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            double d = values[offset + i * stride] - mean;
            sum += d * d;
        }
        return Math.sqrt(sum / count);
    }
}
