package dev.sonority.api.instant;

import static dev.sonority.api.instant.ScriptedModelServer.call;
import static dev.sonority.api.instant.ScriptedModelServer.calls;

import dev.sonority.api.instant.ScriptedModelServer.Reply;
import dev.sonority.api.instant.ScriptedModelServer.Words;
import java.util.List;
import java.util.function.Predicate;

/**
 * The quality table: 30 prompts (moods, tempos, decades, genres, "like X", mixed), each with the constraints of
 * it that can be checked on the {@link GeneratedLibrary} (tempo range, mood, genre, decade; for "like ARTIST":
 * the artist's genre, since the library's sound vectors cluster by genre, asking for as many songs as the genre's
 * two other artists can give under the cap of three), and the tool calls a sensible model
 * makes for it. The script is written as a model would answer, slips included (prompt 23 forgets the genre,
 * prompt 12 takes the 80s to include 1990), so the model figures measure how faithfully its calls are carried out.
 */
final class QualityPrompts {

    /** @param n songs asked for: 20, or 6 for "like ARTIST" (two other artists of a genre, three songs each) */
    record Prompt(String text, int n, String checks, Predicate<GeneratedLibrary.Song> satisfied, List<Reply> script) {
    }

    private static final Words DONE = new Words("{\"title\": \"Playlist\", \"explanation\": \"Chosen by searches.\"}");

    static final List<Prompt> ALL = List.of(
            prompt("slow sad songs", "tempo ≤ 90, sad", s -> s.bpm() <= 90 && s.mood("sad"),
                    "metadata_search", "{\"tempo_max\": 90, \"moods\": [\"sad\"]}"),
            prompt("happy pop", "Pop, happy", s -> genre(s, "Pop") && s.mood("happy"),
                    "metadata_search", "{\"genre\": \"pop\", \"moods\": [\"happy\"]}"),
            prompt("aggressive metal", "Metal, aggressive", s -> genre(s, "Metal") && s.mood("aggressive"),
                    "text_search", "{\"query\": \"aggressive heavy\", \"genre\": \"metal\", \"moods\": [\"aggressive\"]}"),
            prompt("relaxing jazz", "Jazz, relaxed", s -> genre(s, "Jazz") && s.mood("relaxed"),
                    "metadata_search", "{\"genre\": \"jazz\", \"moods\": [\"relaxed\"]}"),
            prompt("danceable electronic", "Electronic, danceable", s -> genre(s, "Electronic") && s.mood("danceable"),
                    "metadata_search", "{\"genre\": \"electronic\", \"moods\": [\"danceable\"]}"),
            prompt("party hip-hop", "Hip-Hop, party", s -> genre(s, "Hip-Hop") && s.mood("party"),
                    "metadata_search", "{\"genre\": \"hip-hop\", \"moods\": [\"party\"]}"),
            prompt("fast songs", "tempo ≥ 130", s -> s.bpm() >= 130,
                    "metadata_search", "{\"tempo_min\": 130}"),
            prompt("very slow music", "tempo ≤ 70", s -> s.bpm() <= 70,
                    "metadata_search", "{\"tempo_max\": 70}"),
            prompt("songs around 120 bpm", "tempo 115-125", s -> s.bpm() >= 115 && s.bpm() <= 125,
                    "metadata_search", "{\"tempo_min\": 115, \"tempo_max\": 125}"),
            prompt("between 90 and 100 bpm", "tempo 90-100", s -> s.bpm() >= 90 && s.bpm() <= 100,
                    "metadata_search", "{\"tempo_min\": 90, \"tempo_max\": 100}"),
            prompt("mid-tempo rock", "Rock, tempo 90-120", s -> genre(s, "Rock") && s.bpm() >= 90 && s.bpm() <= 120,
                    "metadata_search", "{\"genre\": \"rock\", \"tempo_min\": 90, \"tempo_max\": 120}"),
            prompt("80s rock", "Rock, 1980-1989", s -> genre(s, "Rock") && decade(s, 1980),
                    "metadata_search", "{\"genre\": \"rock\", \"year_min\": 1980, \"year_max\": 1990}"),
            prompt("music from the nineties", "1990-1999", s -> decade(s, 1990),
                    "metadata_search", "{\"year_min\": 1990, \"year_max\": 1999}"),
            prompt("70s folk", "Folk, 1970-1979", s -> genre(s, "Folk") && decade(s, 1970),
                    "metadata_search", "{\"genre\": \"folk\", \"year_min\": 1970, \"year_max\": 1979}"),
            prompt("jazz before 1970", "Jazz, ≤ 1969", s -> genre(s, "Jazz") && s.year() <= 1969,
                    "metadata_search", "{\"genre\": \"jazz\", \"year_max\": 1969}"),
            prompt("electronic since 2010", "Electronic, ≥ 2010", s -> genre(s, "Electronic") && s.year() >= 2010,
                    "metadata_search", "{\"genre\": \"electronic\", \"year_min\": 2010}"),
            prompt("classical", "Classical", s -> genre(s, "Classical"),
                    "metadata_search", "{\"genre\": \"classical\"}"),
            prompt("folk", "Folk", s -> genre(s, "Folk"),
                    "text_search", "{\"query\": \"folk acoustic\"}"),
            prompt("metal from the 2000s", "Metal, 2000-2009", s -> genre(s, "Metal") && decade(s, 2000),
                    "metadata_search", "{\"genre\": \"metal\", \"year_min\": 2000, \"year_max\": 2009}"),
            prompt("like Iron Vesper", "Metal (Iron Vesper's genre)", s -> genre(s, "Metal"),
                    "similar_songs", "{\"artists\": [\"Iron Vesper\"]}"),
            prompt("songs like Aurelia Strings", "Classical (Aurelia Strings' genre)", s -> genre(s, "Classical"),
                    "similar_songs", "{\"artists\": [\"Aurelia Strings\"]}"),
            prompt("like Neon Cartography but from the 2000s", "Electronic, 2000-2009",
                    s -> genre(s, "Electronic") && decade(s, 2000),
                    "similar_songs", "{\"artists\": [\"Neon Cartography\"], \"year_min\": 2000, \"year_max\": 2009}"),
            prompt("upbeat 90s pop for a long drive", "Pop, 1990-1999, happy",
                    s -> genre(s, "Pop") && decade(s, 1990) && s.mood("happy"),
                    "text_search", "{\"query\": \"upbeat driving\", \"year_min\": 1990, \"year_max\": 1999,"
                            + " \"moods\": [\"happy\"]}"),
            prompt("slow relaxed classical", "Classical, tempo ≤ 90, relaxed",
                    s -> genre(s, "Classical") && s.bpm() <= 90 && s.mood("relaxed"),
                    "metadata_search", "{\"genre\": \"classical\", \"tempo_max\": 90, \"moods\": [\"relaxed\"]}"),
            prompt("fast aggressive metal", "Metal, tempo ≥ 130, aggressive",
                    s -> genre(s, "Metal") && s.bpm() >= 130 && s.mood("aggressive"),
                    "metadata_search", "{\"genre\": \"metal\", \"tempo_min\": 140, \"moods\": [\"aggressive\"]}"),
            prompt("sad folk from the 70s", "Folk, sad, 1970-1979",
                    s -> genre(s, "Folk") && s.mood("sad") && decade(s, 1970),
                    "metadata_search", "{\"genre\": \"folk\", \"moods\": [\"sad\"], \"year_min\": 1970, \"year_max\": 1979}"),
            prompt("calm folk", "Folk, relaxed", s -> genre(s, "Folk") && s.mood("relaxed"),
                    "metadata_search", "{\"genre\": \"folk\", \"moods\": [\"relaxed\"]}"),
            prompt("melancholic jazz", "Jazz, sad", s -> genre(s, "Jazz") && s.mood("sad"),
                    "text_search", "{\"query\": \"melancholic\", \"genre\": \"jazz\", \"moods\": [\"sad\"]}"),
            prompt("energetic rock", "Rock, tempo ≥ 120", s -> genre(s, "Rock") && s.bpm() >= 120,
                    "metadata_search", "{\"genre\": \"rock\", \"tempo_min\": 120}"),
            prompt("danceable songs from the 2010s", "danceable, 2010-2019", s -> s.mood("danceable") && decade(s, 2010),
                    "metadata_search", "{\"moods\": [\"danceable\"], \"year_min\": 2010, \"year_max\": 2019}"));

    private QualityPrompts() {
    }

    private static Prompt prompt(String text, String checks, Predicate<GeneratedLibrary.Song> satisfied, String tool,
            String arguments) {
        return new Prompt(text, text.contains("like ") ? 6 : 20, checks, satisfied,
                List.of(calls(call(tool, arguments)), DONE));
    }

    private static boolean genre(GeneratedLibrary.Song song, String genre) {
        return song.genre().equals(genre);
    }

    private static boolean decade(GeneratedLibrary.Song song, int start) {
        return song.year() >= start && song.year() <= start + 9;
    }
}
