package dev.sonority.api.search;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Lainbow's {@code SearchSong}: {@code file_path}, {@code title}, {@code artist}, {@code album}, {@code genre}
 * (null when unknown, always present) and {@code score} (cosine similarity). {@code explanation} is
 * Sonority's, present only when asked for with {@code explain=true}.
 */
public record SearchSong(String filePath, String title, String artist, String album, String genre, double score,
        @JsonInclude(JsonInclude.Include.NON_NULL) Explanation explanation) {

    static SearchSong of(SongSummary song, float score, Explanation explanation) {
        // float scores printed as doubles would show float noise (0.8999999761581421); round to 6 decimals
        double rounded = Math.round(score * 1e6) / 1e6;
        return new SearchSong(song.filePath(), song.title(), song.artist(), song.album(), song.genre(), rounded,
                explanation);
    }
}
