package dev.sonority.audio.acoustic;

import java.util.SplittableRandom;

/**
 * Synthesised drum patterns with a known tempo: a pitched-down sine kick, a noise snare and a short noise hi-hat,
 * on a 16-step grid. Patterns: rock (kick 1 and 3, snare 2 and 4, closed hi-hat eighths), four on the floor (kick
 * every beat, snare 2 and 4, open hi-hat on the off-beats), funk (kick 1, the "and" of 2 and 3, snare 2 and 4,
 * hi-hat sixteenths with accents on the beats), each hit's level jittered by +-10 %. The hi-hats' level can be
 * scaled ({@code hatGain}), to check that the tempo does not hang on one balance of cymbals against drums.
 */
final class DrumSynth {

    enum Pattern { ROCK, FOUR_ON_THE_FLOOR, FUNK }

    private DrumSynth() {
    }

    static float[] pattern(Pattern pattern, double bpm, double seconds, int sr, long seed) {
        return pattern(pattern, bpm, seconds, sr, seed, 1.0);
    }

    static float[] pattern(Pattern pattern, double bpm, double seconds, int sr, long seed, double hatGain) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] out = new float[(int) Math.round(seconds * sr)];
        double step = 60.0 / bpm / 4;
        int s = 0;
        for (double t = 0; t < seconds; t += step, s++) {
            int i = s % 16;
            boolean kick = switch (pattern) {
                case ROCK -> i == 0 || i == 8;
                case FOUR_ON_THE_FLOOR -> i % 4 == 0;
                case FUNK -> i == 0 || i == 6 || i == 10;
            };
            boolean snare = i == 4 || i == 12;
            double hat = switch (pattern) {
                case ROCK -> i % 2 == 0 ? 0.25 : 0;
                case FOUR_ON_THE_FLOOR -> i % 4 == 2 ? 0.3 : 0;
                case FUNK -> i % 4 == 0 ? 0.25 : 0.12;
            };
            double jitter = 0.9 + 0.2 * r.nextDouble();
            if (kick) {
                kick(out, sr, t, 0.8 * jitter);
            }
            if (snare) {
                noise(out, r, sr, t, 0.5 * jitter, 0.12, 0.2);
            }
            if (hat > 0) {
                noise(out, r, sr, t, hatGain * hat * jitter, pattern == Pattern.FOUR_ON_THE_FLOOR ? 0.08 : 0.025, 0.95);
            }
        }
        for (int k = 0; k < out.length; k++) {
            out[k] = Math.max(-1f, Math.min(1f, out[k]));
        }
        return out;
    }

    private static void kick(float[] out, int sr, double t0, double amp) {
        int from = (int) Math.round(t0 * sr);
        double phase = 0;
        for (int i = 0; i < sr / 4 && from + i < out.length; i++) {
            double t = (double) i / sr;
            phase += 55 * (1 + 3 * Math.exp(-t / 0.015)) / sr;
            out[from + i] += (float) (amp * Math.exp(-t / 0.08) * Math.sin(2 * Math.PI * phase));
        }
    }

    /** Noise burst; {@code brightness} in [0, 1) mixes a first difference (bright) into the white noise. */
    private static void noise(float[] out, SplittableRandom r, int sr, double t0, double amp, double decay, double brightness) {
        int from = (int) Math.round(t0 * sr);
        double previous = 0;
        for (int i = 0; i < (int) (decay * 5 * sr) && from + i < out.length; i++) {
            double x = r.nextDouble() * 2 - 1;
            double v = (1 - brightness) * x + brightness * (x - previous);
            previous = x;
            out[from + i] += (float) (amp * v * Math.exp(-(double) i / sr / decay));
        }
    }
}
