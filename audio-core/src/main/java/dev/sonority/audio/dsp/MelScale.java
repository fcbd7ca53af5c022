package dev.sonority.audio.dsp;

/** Mel scales ({@code librosa.hz_to_mel} / {@code mel_to_hz}). */
public enum MelScale {

    /**
     * Slaney's Auditory Toolbox scale (librosa's default, {@code htk=False}): linear below 1 kHz (200/3 Hz per
     * mel), logarithmic above (27 mels per factor 6.4).
     */
    SLANEY {
        @Override
        public double hzToMel(double hz) {
            return hz >= MIN_LOG_HZ ? MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOG_STEP : hz / F_SP;
        }

        @Override
        public double melToHz(double mel) {
            return mel >= MIN_LOG_MEL ? MIN_LOG_HZ * Math.exp(LOG_STEP * (mel - MIN_LOG_MEL)) : F_SP * mel;
        }
    },

    /** The HTK scale: {@code 2595 log10(1 + f / 700)}. */
    HTK {
        @Override
        public double hzToMel(double hz) {
            return 2595.0 * Math.log10(1.0 + hz / 700.0);
        }

        @Override
        public double melToHz(double mel) {
            return 700.0 * (Math.pow(10.0, mel / 2595.0) - 1.0);
        }
    };

    private static final double F_SP = 200.0 / 3;
    private static final double MIN_LOG_HZ = 1000.0;
    private static final double MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
    private static final double LOG_STEP = Math.log(6.4) / 27.0;

    public abstract double hzToMel(double hz);

    public abstract double melToHz(double mel);
}
