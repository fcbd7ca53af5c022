package dev.sonority.api.discovery.path;

import org.jspecify.annotations.Nullable;

/**
 * A song a path may use, with what the path's rules compare.
 *
 * @param id the song's numeric id
 * @param vector its unit search vector
 * @param artistKey the artist the per-artist cap counts; null when it has none
 * @param signature artist and title, so one work in two files is used once; null when untitled
 */
public record PathSong(long id, float[] vector, @Nullable String artistKey, @Nullable String signature) {
}
