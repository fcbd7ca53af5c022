package dev.sonority.api.search;

/** A result before it is written out: the song, its cosine similarity, and its vector when filters needed it. */
record ScoredSong(SongSummary song, float score, float[] vector) {
}
