package dev.sonority.bench.api;

import java.util.Arrays;

/** Latencies of one endpoint in nanoseconds, with nearest-rank percentiles. */
public final class LatencySample {

    private final long[] nanos;
    private int size;

    public LatencySample(int capacity) {
        this.nanos = new long[capacity];
    }

    public void add(long value) {
        nanos[size++] = value;
    }

    /** Nearest-rank percentile in milliseconds, {@code p} in (0, 100]. */
    public double percentileMillis(double p) {
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
    }

    public double maxMillis() {
        return Arrays.stream(nanos, 0, size).max().orElse(0) / 1e6;
    }
}
