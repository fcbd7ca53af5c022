package dev.sonority.api.instant.rules;

import dev.sonority.api.instant.tools.SongConstraints;
import java.util.List;

/**
 * What the rules understood of a prompt.
 *
 * @param constraints tempo, moods, years, genres and artists the songs must have
 * @param likeSongs songs the playlist should be like, by path
 * @param likeArtists artists the playlist should be like, as the library spells them
 * @param rest the words no rule understood, for text search (empty when none is left)
 * @param understood what each rule took, for the explanation ("tempo 130 BPM or more", ...)
 */
public record ParsedPrompt(SongConstraints constraints, List<String> likeSongs, List<String> likeArtists,
        String rest, List<String> understood) {

    public ParsedPrompt {
        likeSongs = List.copyOf(likeSongs);
        likeArtists = List.copyOf(likeArtists);
        understood = List.copyOf(understood);
    }
}
