/**
 * The built-in {@code acoustic_features} model: Lainbow-compatible descriptors (tempo, spectral centroid and
 * bandwidth, MFCC and chroma statistics) and extended ones, computed from mono PCM at 22 050 Hz in one pass.
 */
@NullMarked
package dev.sonority.audio.acoustic;

import org.jspecify.annotations.NullMarked;
