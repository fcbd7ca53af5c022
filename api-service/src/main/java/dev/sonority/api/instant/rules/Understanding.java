package dev.sonority.api.instant.rules;

import dev.sonority.api.instant.tools.SongConstraints;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What the rules have understood so far; each rule adds to it, {@link #parsed} closes it. */
final class Understanding {

    Double tempoMin;
    Double tempoMax;
    Integer yearMin;
    Integer yearMax;
    final Set<String> moods = new LinkedHashSet<>();
    final Set<String> genres = new LinkedHashSet<>();
    final Set<String> artists = new LinkedHashSet<>();
    final Set<String> likeSongs = new LinkedHashSet<>();
    final Set<String> likeArtists = new LinkedHashSet<>();
    final List<String> understood = new ArrayList<>();

    /** Widens the year range to cover {@code from}..{@code to} ("70s and 80s": 1970-1989). */
    void years(int from, int to) {
        yearMin = yearMin == null ? from : Math.min(yearMin, from);
        yearMax = yearMax == null ? to : Math.max(yearMax, to);
    }

    ParsedPrompt parsed(String rest) {
        SongConstraints constraints = new SongConstraints(List.copyOf(artists), List.copyOf(genres), yearMin, yearMax,
                tempoMin, tempoMax, null, null, List.copyOf(moods), null, null, null, null, null, null);
        return new ParsedPrompt(constraints, List.copyOf(likeSongs), List.copyOf(likeArtists), rest, understood);
    }
}
