package dev.sonority.audio.rhythm;

import java.util.OptionalDouble;

/**
 * Danceability by detrended fluctuation analysis (Streich and Herrera 2005, "Detrended fluctuation analysis of
 * music signals: danceability estimation and further semantic characterization"), after Essentia's
 * {@code Danceability}: the signal's standard deviation in 10 ms frames, mean removed and integrated, is cut into
 * segments of {@code tau} frames for {@code tau} from 310 ms to 8.8 s (each 1.1 times the previous); F(tau) is the
 * RMS residual of a least-squares line through each segment (segments start every {@code max(1, tau / 50)}
 * frames), and the DFA exponent between consecutive scales is {@code alpha = log(F2 / F1) / log(tau2 / tau1)}.
 * Danceability is the mean of {@code 1 / max(alpha, 1/3)} over the scales (a scale with {@code alpha <= 0} adds
 * 0), so it lies in [0, 3] as Essentia's values do (the cap keeps a perfectly periodic click track finite): a strong,
 * steady beat makes the fluctuation grow slowly beyond the beat period (small alpha, high danceability); unbeaten
 * noise gives alpha near 0.5 (danceability near 2 when the frames are independent), smooth swells alpha up to 2.
 * Not verified against Essentia itself (no Essentia here); segment
 * residuals come from prefix sums, so the cost is linear in the length per scale.
 */
public final class Danceability {

    public static final double FRAME_SECONDS = 0.01;
    public static final double MIN_TAU_SECONDS = 0.31;
    public static final double MAX_TAU_SECONDS = 8.8;
    public static final double TAU_STEP = 1.1;
    /** Smaller exponents count as this: a perfectly periodic signal would otherwise give unbounded values. */
    public static final double MIN_ALPHA = 1.0 / 3;

    private Danceability() {
    }

    /** Danceability of mono PCM, or empty when the input is shorter than twice the longest scale or has no level variation. */
    public static OptionalDouble of(float[] samples, int sampleRate) {
        int frame = Math.max(1, (int) Math.round(FRAME_SECONDS * sampleRate));
        int n = samples.length / frame;
        int maxTau = (int) Math.round(MAX_TAU_SECONDS / FRAME_SECONDS);
        if (n < 2 * maxTau) {
            return OptionalDouble.empty();
        }
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            double sq = 0;
            for (int j = i * frame, end = j + frame; j < end; j++) {
                sum += samples[j];
                sq += (double) samples[j] * samples[j];
            }
            double mean = sum / frame;
            s[i] = Math.sqrt(Math.max(0, sq / frame - mean * mean));
        }
        double mean = 0;
        for (double v : s) {
            mean += v;
        }
        mean /= n;
        // integrated profile and its prefix sums: P0 = sum y, P1 = sum i y, P2 = sum y^2 (index i local to 0)
        double[] p0 = new double[n + 1];
        double[] p1 = new double[n + 1];
        double[] p2 = new double[n + 1];
        double y = 0;
        for (int i = 0; i < n; i++) {
            y += s[i] - mean;
            p0[i + 1] = p0[i] + y;
            p1[i + 1] = p1[i] + i * y;
            p2[i + 1] = p2[i] + y * y;
        }
        double sum = 0;
        int scales = 0;
        double previousTau = -1;
        double previousF = 0;
        for (double tauS = MIN_TAU_SECONDS; tauS <= MAX_TAU_SECONDS + 1e-9; tauS *= TAU_STEP) {
            int tau = (int) Math.round(tauS / FRAME_SECONDS);
            double f = fluctuation(p0, p1, p2, n, tau);
            if (previousTau > 0) {
                if (previousF > 0 && f > 0) {
                    double alpha = Math.log(f / previousF) / Math.log(tau / previousTau);
                    sum += alpha > 0 ? 1 / Math.max(alpha, MIN_ALPHA) : 0;
                }
                scales++;
            }
            previousTau = tau;
            previousF = f;
        }
        if (!(previousF > 0) || scales == 0) {
            return OptionalDouble.empty();
        }
        double value = sum / scales;
        return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
    }

    /** RMS residual of a line fitted to each segment of {@code tau} frames (segments every tau / 50 frames). */
    private static double fluctuation(double[] p0, double[] p1, double[] p2, int n, int tau) {
        int jump = Math.max(1, tau / 50);
        double sxx = tau * ((double) tau * tau - 1) / 12.0;
        double mx = (tau - 1) / 2.0;
        double total = 0;
        int segments = 0;
        for (int k = 0; k + tau <= n; k += jump) {
            double sy = p0[k + tau] - p0[k];
            double sxy = (p1[k + tau] - p1[k]) - k * sy; // x = i - k
            double syy = p2[k + tau] - p2[k];
            double cxy = sxy - mx * sy;
            double residual = syy - sy * sy / tau - cxy * cxy / sxx;
            total += Math.max(0, residual) / tau;
            segments++;
        }
        return segments == 0 ? 0 : Math.sqrt(total / segments);
    }
}
