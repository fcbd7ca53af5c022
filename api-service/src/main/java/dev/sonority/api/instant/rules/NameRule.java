package dev.sonority.api.instant.rules;

import dev.sonority.api.instant.tools.LibraryVocabulary;
import dev.sonority.api.instant.tools.NamedSongs;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The library's own names in a prompt: "like SONG", "like ARTIST" (also "similar to", "sounds like", "in the
 * style of"), then genres and artists the library has, longest first. One-word names are matched only after
 * the tempo, year and mood rules took their words ({@link PromptParser}), so "sad" is a mood even where an
 * artist is called Sad, and only when not a common word ({@link Stopwords}).
 */
final class NameRule {

    private static final Pattern LIKE = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:sounds? like|similar to|in the style of|reminiscent of|more like|like)(?= )");
    private static final int LONGEST_NAME = 8;

    private final LibraryVocabulary.Names names;
    private final Function<String, Optional<NamedSongs.Named>> songs;

    /** @param songs finds a song by title, "Title by Artist" or path ({@link NamedSongs#song}) */
    NameRule(LibraryVocabulary.Names names, Function<String, Optional<NamedSongs.Named>> songs) {
        this.names = names;
        this.songs = songs;
    }

    /** "like X": the longest run of words after the trigger that names an artist or a song of the library. */
    void likes(PromptText text, Understanding into) {
        Matcher like = LIKE.matcher(text.remaining());
        while (like.find()) {
            int first = text.wordAt(like.end() + 1);
            for (int last = Math.min(text.wordCount(), first + LONGEST_NAME); last > first; last--) {
                String name = text.freeWords(first, last);
                if (name == null || name.isEmpty()) {
                    continue;
                }
                if (names.artists().containsKey(name)) {
                    into.likeArtists.add(name);
                    into.understood.add("like the artist " + name);
                } else {
                    Optional<NamedSongs.Named> song = Stopwords.contains(name) ? Optional.empty() : songs.apply(name);
                    if (song.isEmpty()) {
                        continue;
                    }
                    into.likeSongs.add(song.get().path());
                    into.understood.add("like the song " + song.get().label());
                }
                text.take(like);
                text.takeWords(first, last);
                break;
            }
        }
    }

    /** Genres and artists of {@code minWords} words or more. */
    void names(PromptText text, Understanding into, int minWords) {
        for (int length = LONGEST_NAME; length >= minWords; length--) {
            for (int from = 0; from + length <= text.wordCount(); from++) {
                String name = text.freeWords(from, from + length);
                if (name == null || name.isEmpty() || (length == 1 && Stopwords.contains(name))) {
                    continue;
                }
                if (names.genres().containsKey(name)) {
                    into.genres.add(name);
                    into.understood.add("genre " + name);
                    text.takeWords(from, from + length);
                } else if (names.artists().containsKey(name)) {
                    into.artists.add(name);
                    into.understood.add("artist " + name);
                    text.takeWords(from, from + length);
                }
            }
        }
    }
}
