/**
 * Instant playlists without a language model: a prompt is read by rules (tempo words and BPM, MusiCNN's moods and
 * their synonyms, decades and years, the library's own genres and artists, "like SONG/ARTIST") and the rest goes
 * to text search. Deterministic: the same prompt on the same library gives the same playlist.
 */
package dev.sonority.api.instant.rules;
