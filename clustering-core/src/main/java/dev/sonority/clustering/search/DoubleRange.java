package dev.sonority.clustering.search;

import java.util.random.RandomGenerator;

/** An inclusive range of real numbers a parameter is sampled from and mutated within. */
public record DoubleRange(double min, double max) {

    public DoubleRange {
        if (!(min <= max)) {
            throw new IllegalArgumentException("range [" + min + ", " + max + "] is empty");
        }
    }

    double sample(RandomGenerator random) {
        return min + random.nextDouble() * (max - min);
    }

    double clamp(double value) {
        return Math.max(min, Math.min(max, value));
    }

    @Override
    public String toString() {
        return min + "–" + max;
    }
}
