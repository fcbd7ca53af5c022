/**
 * Alchemy: songs near a blend of songs, artists and moods, away from others, drawn by softmax sampling, with a
 * 2-D projection of the whole to draw.
 */
package dev.sonority.api.discovery.alchemy;
