package dev.sonority.api.instant.llm;

import dev.sonority.api.instant.tools.Search;
import dev.sonority.api.search.SongSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** A search's result as the model reads it: a small JSON object with the count and the first songs. */
final class ToolResults {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ToolResults() {
    }

    static String describe(Search search, int shown) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("songs_found", search.songs().size());
        List<String> songs = search.songs().stream().limit(shown).map(ToolResults::label).toList();
        result.put("songs", songs);
        if (search.note() != null) {
            result.put("note", search.note());
        }
        if (search.error() != null) {
            result.put("error", search.error());
        }
        return JSON.writeValueAsString(result);
    }

    private static String label(SongSummary song) {
        String title = song.title() == null ? song.filePath() : song.title();
        return title + (song.artist() == null ? "" : " by " + song.artist())
                + (song.genre() == null ? "" : " (" + song.genre() + ")");
    }
}
