package dev.sonority.api.search;

/**
 * How similar results are filtered (AudioMuse-AI's options). The defaults ({@link #PLAIN}) are plain nearest
 * neighbours without the seeds, which is what Lainbow answered and what Sola MPD expects.
 *
 * @param duplicateDistance a result closer than this cosine distance ({@code 1 - cos}) to a seed or to a
 *     better result counts as the same recording (another format, a compilation) and is dropped; 0 keeps all
 * @param maxPerArtist at most this many results by one artist; null for no cap
 * @param excludeSeedAlbum drop songs from the seeds' own albums
 * @param explain add why each result is close (tempo, key, loudness, shared tags)
 * @param walk {@code order=walk}: the results as a smooth sequence from the seed ({@link WalkOrder}) instead of
 *     by score
 */
record SimilarOptions(double duplicateDistance, Integer maxPerArtist, boolean excludeSeedAlbum, boolean explain,
        boolean walk) {

    static final SimilarOptions PLAIN = new SimilarOptions(0, null, false, false, false);

    /** Whether results are dropped after the index answered (then more candidates are fetched). */
    boolean dropsResults() {
        return duplicateDistance > 0 || maxPerArtist != null || excludeSeedAlbum;
    }
}
