package dev.sonority.bench.dsp;

import dev.sonority.audio.dsp.Stft;

/**
 * The baseline the DSP benches divide by: one STFT power pass over a track, the least any spectral descriptor
 * needs. Its buffer is allocated once, so the pass measures the transform and nothing else.
 */
final class StftPowerPass {

    private final Stft stft;
    private final double[] power;

    StftPowerPass(int fftSize, int hop) {
        stft = new Stft(fftSize, hop);
        power = new double[stft.binCount()];
    }

    /** Runs the pass; returns a checksum so the JIT cannot drop the work. */
    double run(float[] track) {
        double sum = 0;
        for (int t = 0, n = stft.frameCount(track.length); t < n; t++) {
            stft.power(track, t, power);
            sum += power[100];
        }
        return sum;
    }
}
