package dev.sonority.api.instant.rules;

import dev.sonority.api.instant.tools.LibraryTools;
import dev.sonority.api.instant.tools.Plan;
import dev.sonority.api.instant.tools.Search;
import dev.sonority.api.instant.tools.SongConstraints;
import dev.sonority.api.instant.tools.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Turns what the rules understood into searches: songs like the named songs and artists when there are some;
 * else a text search of the words left over; else a metadata search. The constraints narrow each of them. A
 * text or similar search that cannot run (no text model, inference-service down) falls back to the metadata
 * search, so a prompt with any constraint still gets songs.
 */
@Component
public class RulePlanner {

    private final PromptParser parser;
    private final LibraryTools tools;

    public RulePlanner(PromptParser parser, LibraryTools tools) {
        this.parser = parser;
        this.tools = tools;
    }

    /** @param want songs each search should return (more than the playlist's length: some are dropped later) */
    public Plan plan(String prompt, int want, long seed) {
        ParsedPrompt parsed = parser.parse(prompt);
        SongConstraints constraints = parsed.constraints();
        List<Search> searches = new ArrayList<>();
        Tool first = null;
        if (!parsed.likeSongs().isEmpty() || !parsed.likeArtists().isEmpty()) {
            first = new Tool.SimilarSongs(parsed.likeSongs(), parsed.likeArtists(), constraints, want);
        } else if (!parsed.rest().isEmpty()) {
            first = new Tool.TextSearch(parsed.rest(), constraints, want);
        }
        if (first != null) {
            searches.add(tools.run(first, seed));
        }
        boolean firstFailed = first == null || searches.getFirst().error() != null;
        if (firstFailed && !constraints.none()) {
            searches.add(tools.run(new Tool.MetadataSearch(constraints, want), seed));
        }
        return new Plan("rules", searches, title(prompt), explanation(parsed, searches), constraints.artists());
    }

    private static String explanation(ParsedPrompt parsed, List<Search> searches) {
        StringBuilder text = new StringBuilder();
        if (parsed.understood().isEmpty() && parsed.rest().isEmpty()) {
            return "Nothing in the prompt names a tempo, mood, decade, genre, artist or song of this library, and"
                    + " no other words were left to search for.";
        }
        if (!parsed.understood().isEmpty()) {
            text.append("Understood: ").append(String.join("; ", parsed.understood())).append(". ");
        }
        if (!parsed.rest().isEmpty() && parsed.likeSongs().isEmpty() && parsed.likeArtists().isEmpty()) {
            text.append("Searched the text \"").append(parsed.rest()).append("\". ");
        }
        for (Search search : searches) {
            if (search.error() != null) {
                text.append("The ").append(search.tool().name().replace('_', ' ')).append(" returned nothing: ")
                        .append(search.error()).append(". ");
            }
        }
        return text.toString().strip();
    }

    /** The prompt itself, capitalised and cut at a word near 60 characters. */
    public static String title(String prompt) {
        String title = prompt.strip().replaceAll("\\s+", " ");
        if (title.length() > 60) {
            int cut = title.lastIndexOf(' ', 60);
            title = title.substring(0, cut > 20 ? cut : 60) + "…";
        }
        return title.substring(0, 1).toUpperCase(Locale.ROOT) + title.substring(1);
    }
}
