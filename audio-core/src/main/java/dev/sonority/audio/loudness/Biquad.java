package dev.sonority.audio.loudness;

/**
 * Coefficients of one second-order IIR section, normalised so that {@code a0 = 1}:
 * {@code H(z) = (b0 + b1 z^-1 + b2 z^-2) / (1 + a1 z^-1 + a2 z^-2)}.
 */
public record Biquad(double b0, double b1, double b2, double a1, double a2) {

    /** Magnitude of {@code H(e^{j omega})} at {@code frequencyHz}, evaluated from the coefficients. */
    public double magnitude(double frequencyHz, double sampleRate) {
        double w = 2 * Math.PI * frequencyHz / sampleRate;
        double c1 = Math.cos(w), s1 = Math.sin(w), c2 = Math.cos(2 * w), s2 = Math.sin(2 * w);
        double numRe = b0 + b1 * c1 + b2 * c2, numIm = -(b1 * s1 + b2 * s2);
        double denRe = 1 + a1 * c1 + a2 * c2, denIm = -(a1 * s1 + a2 * s2);
        return Math.sqrt((numRe * numRe + numIm * numIm) / (denRe * denRe + denIm * denIm));
    }

    /** Gain at 0 Hz, {@code H(1)}. */
    double dcGain() {
        return (b0 + b1 + b2) / (1 + a1 + a2);
    }
}
