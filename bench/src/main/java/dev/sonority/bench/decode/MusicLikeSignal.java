package dev.sonority.bench.decode;

import dev.sonority.audio.fixture.TestSignals;

/**
 * Stereo test material that keeps lossy encoders and decoders as busy as music does: a changing chord, a
 * click track and some noise, so every band carries energy (silence would decode unrealistically fast).
 */
final class MusicLikeSignal {

    private MusicLikeSignal() {}

    /** Interleaved stereo of {@code seconds} at {@code sampleRate}, different in each channel. */
    static float[] stereo(double seconds, int sampleRate, long seed) {
        float[] left = mono(seconds, sampleRate, seed, new double[] {220, 277.18, 329.63});
        float[] right = mono(seconds, sampleRate, seed + 1, new double[] {196, 246.94, 293.66});
        return TestSignals.interleave(left, right);
    }

    private static float[] mono(double seconds, int sampleRate, long seed, double[] chord) {
        float[] tone = TestSignals.chord(chord, seconds, sampleRate, 0.4);
        float[] clicks = TestSignals.clickTrack(124, seconds, sampleRate);
        float[] noise = TestSignals.whiteNoise(seconds, sampleRate, 0.08, seed);
        for (int i = 0; i < tone.length; i++) {
            tone[i] += 0.3f * clicks[i] + noise[i];
        }
        return tone;
    }
}
