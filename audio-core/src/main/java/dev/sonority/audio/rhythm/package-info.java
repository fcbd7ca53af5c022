/** Rhythm descriptors computed on the time-domain signal (danceability). */
package dev.sonority.audio.rhythm;
