package dev.sonority.api.instant.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.api.instant.tools.LibraryVocabulary;
import dev.sonority.api.instant.tools.NamedSongs;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rule-based reading of prompts: a table of prompts and the filters a person reads in them, on a small
 * library whose genres, artists and songs are listed here. Each expected row is written from the rules'
 * documented meaning (TempoRule's word ranges, YearRule's decades, MoodRule's synonyms), not from a run.
 */
class PromptParserTest {

    static final LibraryVocabulary.Names LIBRARY = new LibraryVocabulary.Names(
            Map.of("rock", 40, "hard rock", 8, "jazz", 30, "hip-hop", 12, "electronic", 20, "classical", 9,
                    "folk", 5, "metal", 7),
            Map.of("miles davis", 12, "the granite keys", 9, "daft punk", 14, "yes", 6));
    static final Map<String, String> SONGS = Map.of(
            "so what by miles davis", "Jazz/Miles Davis/01 So What.flac",
            "so what", "Jazz/Miles Davis/01 So What.flac",
            "blue in green", "Jazz/Miles Davis/03 Blue in Green.flac");

    /** Expected filters; null or empty: none. */
    record Row(String prompt, Double tempoMin, Double tempoMax, Integer yearMin, Integer yearMax, Set<String> moods,
            Set<String> genres, Set<String> artists, Set<String> likeSongs, Set<String> likeArtists, String rest) {
        @Override
        public String toString() {
            return prompt;
        }
    }

    static Stream<Row> table() {
        return rows(List.of(
                row("upbeat 90s rock for a long drive").years(1990, 1999).moods("happy").genres("rock").rest("long drive"),
                row("slow sad jazz").tempo(null, 90.0).moods("sad").genres("jazz"),
                row("fast electronic music from the 2000s").tempo(130.0, null).genres("electronic").years(2000, 2009),
                row("120 bpm hip-hop").tempo(115.0, 125.0).genres("hip-hop"),
                row("songs between 100 and 120 bpm").tempo(100.0, 120.0),
                row("over 140 bpm metal").tempo(140.0, null).genres("metal"),
                row("chill music for studying").moods("relaxed").rest("studying"),
                row("like So What by Miles Davis").likeSongs("Jazz/Miles Davis/01 So What.flac"),
                row("songs like Daft Punk but from the 80s").likeArtists("daft punk").years(1980, 1989),
                row("sounds like Blue in Green").likeSongs("Jazz/Miles Davis/03 Blue in Green.flac"),
                row("Miles Davis late 50s").artists("miles davis").years(1957, 1959),
                row("early 70s hard rock").genres("hard rock").years(1970, 1973),
                row("the nineties and the eighties").years(1980, 1999),
                row("music from 1997").years(1997, 1997),
                row("before 1980 folk").years(null, 1979).genres("folk"),
                row("after 2010 party songs").years(2011, null).moods("party"),
                row("not sad, happy dance tracks").moods("happy", "danceable"),
                row("very fast aggressive metal").tempo(150.0, null).moods("aggressive").genres("metal"),
                row("mid-tempo melancholic classical pieces").tempo(90.0, 120.0).moods("sad").genres("classical")
                        .rest("pieces"),
                row("rainy sunday morning coffee").rest("rainy sunday morning coffee"),
                row("something like Yes").likeArtists("yes"),
                row("I'd like some jazz").genres("jazz"),
                row("Daft Punk songs around 128 bpm").artists("daft punk").tempo(123.0, 133.0),
                row("upbeat 1985-1989 pop").moods("happy").years(1985, 1989).rest("pop"),
                row("The Granite Keys, relaxing, under 100 BPM").artists("the granite keys").moods("relaxed")
                        .tempo(null, 100.0),
                row("mellow late-night jazz from the sixties").moods("relaxed").genres("jazz").years(1960, 1969)
                        .rest("late-night"),
                row("songs please")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void readsThePromptAsAPersonWould(Row row) {
        ParsedPrompt parsed = PromptParser.parse(row.prompt(), LIBRARY, PromptParserTest::song);
        var c = parsed.constraints();
        assertThat(new Object[] {c.tempoMin(), c.tempoMax()}).as("tempo").containsExactly(row.tempoMin(), row.tempoMax());
        assertThat(new Object[] {c.yearMin(), c.yearMax()}).as("years").containsExactly(row.yearMin(), row.yearMax());
        assertThat(Set.copyOf(c.moods())).as("moods").isEqualTo(row.moods());
        assertThat(Set.copyOf(c.genres())).as("genres").isEqualTo(row.genres());
        assertThat(Set.copyOf(c.artists())).as("artists").isEqualTo(row.artists());
        assertThat(Set.copyOf(parsed.likeSongs())).as("like songs").isEqualTo(row.likeSongs());
        assertThat(Set.copyOf(parsed.likeArtists())).as("like artists").isEqualTo(row.likeArtists());
        assertThat(parsed.rest()).as("rest").isEqualTo(row.rest());
    }

    private static Optional<NamedSongs.Named> song(String name) {
        return Optional.ofNullable(SONGS.get(name)).map(path -> new NamedSongs.Named(path.hashCode(), path, name));
    }

    private static Builder row(String prompt) {
        return new Builder(prompt);
    }

    /** Rows read as sentences: row("...").tempo(..).moods(..). */
    static final class Builder {
        final String prompt;
        Double tempoMin;
        Double tempoMax;
        Integer yearMin;
        Integer yearMax;
        Set<String> moods = Set.of();
        Set<String> genres = Set.of();
        Set<String> artists = Set.of();
        Set<String> likeSongs = Set.of();
        Set<String> likeArtists = Set.of();
        String rest = "";

        Builder(String prompt) {
            this.prompt = prompt;
        }

        Builder tempo(Double min, Double max) {
            tempoMin = min;
            tempoMax = max;
            return this;
        }

        Builder years(Integer min, Integer max) {
            yearMin = min;
            yearMax = max;
            return this;
        }

        Builder moods(String... names) {
            moods = Set.of(names);
            return this;
        }

        Builder genres(String... names) {
            genres = Set.of(names);
            return this;
        }

        Builder artists(String... names) {
            artists = Set.of(names);
            return this;
        }

        Builder likeSongs(String... paths) {
            likeSongs = Set.of(paths);
            return this;
        }

        Builder likeArtists(String... names) {
            likeArtists = Set.of(names);
            return this;
        }

        Builder rest(String words) {
            rest = words;
            return this;
        }
    }

    static Stream<Row> rows(List<Builder> builders) {
        return builders.stream().map(b -> new Row(b.prompt, b.tempoMin, b.tempoMax, b.yearMin, b.yearMax, b.moods,
                b.genres, b.artists, b.likeSongs, b.likeArtists, b.rest));
    }
}
