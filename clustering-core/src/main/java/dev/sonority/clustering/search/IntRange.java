package dev.sonority.clustering.search;

import java.util.random.RandomGenerator;

/** An inclusive range of whole numbers a parameter is sampled from and mutated within. */
public record IntRange(int min, int max) {

    public IntRange {
        if (min > max) {
            throw new IllegalArgumentException("range [" + min + ", " + max + "] is empty");
        }
    }

    int sample(RandomGenerator random) {
        return min + random.nextInt(max - min + 1);
    }

    int clamp(int value) {
        return Math.max(min, Math.min(max, value));
    }

    /** This range with its upper bound lowered to {@code cap} (and its lower bound with it when needed). */
    public IntRange capped(int cap) {
        int upper = Math.min(max, cap);
        return new IntRange(Math.min(min, upper), upper);
    }

    @Override
    public String toString() {
        return min + "–" + max;
    }
}
