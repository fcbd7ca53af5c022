package dev.sonority.audio.dsp;

/**
 * Mel-frequency cepstral coefficients from a log-mel (dB) frame: the orthonormal DCT-II
 * ({@code scipy.fft.dct(type=2, norm="ortho")}) truncated to {@code coefficientCount} coefficients, as
 * {@code librosa.feature.mfcc} with {@code dct_type=2, norm="ortho", lifter=0}. The DCT matrix is precomputed
 * ({@code coefficientCount x melCount} multiply-adds per frame). Immutable and thread-safe.
 */
public final class Mfcc {

    private final int coefficientCount;
    private final int melCount;
    private final double[] dct;

    public Mfcc(int coefficientCount, int melCount) {
        if (coefficientCount < 1 || coefficientCount > melCount) {
            throw new IllegalArgumentException("need 1 <= coefficients <= mel bands, was " + coefficientCount + "/" + melCount);
        }
        this.coefficientCount = coefficientCount;
        this.melCount = melCount;
        this.dct = new double[coefficientCount * melCount];
        for (int k = 0; k < coefficientCount; k++) {
            double scale = Math.sqrt((k == 0 ? 1.0 : 2.0) / melCount);
            for (int n = 0; n < melCount; n++) {
                dct[k * melCount + n] = scale * Math.cos(Math.PI * k * (2 * n + 1) / (2.0 * melCount));
            }
        }
    }

    public int coefficientCount() {
        return coefficientCount;
    }

    /** {@code out[outOffset + k] = sum_n D[k][n] logMel[inOffset + n]}. */
    public void apply(double[] logMel, int inOffset, double[] out, int outOffset) {
        for (int k = 0; k < coefficientCount; k++) {
            out[outOffset + k] = Dot.product(dct, k * melCount, logMel, inOffset, melCount);
        }
    }
}
