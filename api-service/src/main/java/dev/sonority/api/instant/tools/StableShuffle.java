package dev.sonority.api.instant.tools;

/**
 * An order for results that have none (every song meets the constraints equally): songs sorted by a hash of
 * (seed, id), SplitMix64's finaliser, so one seed always gives the same order and another seed another.
 */
final class StableShuffle {

    private StableShuffle() {
    }

    static long rank(long seed, long id) {
        long z = seed + id * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
