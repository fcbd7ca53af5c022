/**
 * Frame-based audio DSP matching librosa 0.10 numerically: centred framing, periodic Hann window, STFT power,
 * mel and chroma filterbanks, decibels, MFCC, spectral shape, zero-crossing rate, RMS, onset strength and an
 * autocorrelation tempo estimate. Per-frame methods write into arrays the caller owns and allocate nothing.
 */
@NullMarked
package dev.sonority.audio.dsp;

import org.jspecify.annotations.NullMarked;
