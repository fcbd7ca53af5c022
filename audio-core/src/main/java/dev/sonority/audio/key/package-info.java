/**
 * Global key and scale estimation (tonic, major/minor, strength) from mono PCM: spectral peaks, a
 * tuning-independent harmonic pitch class profile (HPCP, Gómez 2006) and correlation with rotated key profiles.
 */
@NullMarked
package dev.sonority.audio.key;

import org.jspecify.annotations.NullMarked;
