package dev.sonority.model.vector.store;

import java.util.Set;

/**
 * Which songs a search may return. The API resolves field filters (genre, artist, tempo range, key, moods)
 * to song ids in PostgreSQL, so every adapter filters the same way.
 *
 * @param allowed only these songs, or {@code null} for every song
 * @param excluded never these songs (the seed itself, for example); never null
 */
public record VectorFilter(Set<Long> allowed, Set<Long> excluded) {

    public static final VectorFilter NONE = new VectorFilter(null, Set.of());

    public VectorFilter {
        allowed = allowed == null ? null : Set.copyOf(allowed);
        excluded = Set.copyOf(excluded);
    }

    public static VectorFilter excluding(Set<Long> songIds) {
        return new VectorFilter(null, songIds);
    }

    public boolean accepts(long songId) {
        return (allowed == null || allowed.contains(songId)) && !excluded.contains(songId);
    }
}
