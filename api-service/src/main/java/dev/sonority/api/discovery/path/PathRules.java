package dev.sonority.api.discovery.path;

/**
 * The constraints every path obeys (AudioMuse-AI's): no song twice, no work (artist + title) twice, at most
 * {@code maxPerArtist} songs by one artist counting the two end songs, and no step to a near-duplicate of the
 * song before it.
 *
 * @param maxPerArtist at most this many songs by one artist, the end songs included
 * @param duplicateDistance a step shorter than this angular distance is a near-duplicate (another copy of the
 *     previous song) and is not taken; 0 allows any step
 * @param fixedSize every point of the path gets a song; otherwise a point none of whose candidates fits is
 *     left out and the path is shorter
 */
public record PathRules(int maxPerArtist, double duplicateDistance, boolean fixedSize) {
}
