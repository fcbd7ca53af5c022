/**
 * Programme loudness of mono PCM: integrated loudness (ITU-R BS.1770-4, EBU R 128) in LUFS and loudness range
 * (EBU Tech 3342) in LU, measured in one allocation-free pass with K-weighting derived for the actual sample rate.
 */
@NullMarked
package dev.sonority.audio.loudness;

import org.jspecify.annotations.NullMarked;
