package dev.sonority.api.songs;

import java.util.Optional;

/**
 * What a {@code /api/v1/songs/{*file_path}} request asks for: the song itself, or one of its sub-resources
 * ({@code .../analysis}, {@code .../similar}). A catch-all segment must come last in a Spring path pattern, so the song path and
 * the sub-resource arrive together and are told apart here. A song's path always ends in an audio file
 * name, so a last segment that is exactly a sub-resource name can only be the sub-resource.
 *
 * @param path the song's path, checked by {@link SongPath}; empty when it is not a safe song path
 */
record SongRoute(Target target, Optional<SongPath> path) {

    /** The resource a request names. */
    enum Target { SONG, ANALYSIS, SIMILAR }

    static SongRoute of(String captured) {
        String trimmed = captured == null ? "" : captured;
        for (Target target : new Target[] {Target.ANALYSIS, Target.SIMILAR}) {
            String tail = "/" + target.name().toLowerCase(java.util.Locale.ROOT);
            if (trimmed.endsWith(tail) && trimmed.length() > tail.length()) {
                return new SongRoute(target, SongPath.parse(trimmed.substring(0, trimmed.length() - tail.length())));
            }
        }
        return new SongRoute(Target.SONG, SongPath.parse(trimmed));
    }
}
