package dev.sonority.audio.acoustic;

/** The descriptor groups of {@link AcousticFeatures}; each one is either present (finite) or missing with a reason. */
public enum Descriptor {
    BPM,
    SPECTRAL_CENTROID,
    SPECTRAL_BANDWIDTH,
    MFCC,
    CHROMA,
    RMS,
    ZERO_CROSSING_RATE,
    SPECTRAL_ROLLOFF,
    SPECTRAL_FLATNESS,
    ONSET_RATE,
    MFCC_DELTA,
    SPECTRAL_CONTRAST,
    BEAT_CONFIDENCE,
    LOUDNESS_DYNAMICS
}
