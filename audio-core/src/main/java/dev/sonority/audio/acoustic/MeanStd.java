package dev.sonority.audio.acoustic;

/** Mean and population standard deviation of a per-frame descriptor over all frames; both finite. */
public record MeanStd(double mean, double std) {

    public MeanStd {
        if (!Double.isFinite(mean) || !Double.isFinite(std) || std < 0) {
            throw new IllegalArgumentException("mean/std must be finite, std >= 0: " + mean + ", " + std);
        }
    }
}
