package dev.sonority.api.discovery.artists;

import java.util.List;

/**
 * One artist of the library.
 *
 * @param key the name as compared ({@link dev.sonority.api.search.NameKey}): case and Unicode form ignored
 * @param name the spelling most of its songs use
 * @param songs its songs' ids, in path order
 */
public record Artist(String key, String name, List<Long> songs) {
}
