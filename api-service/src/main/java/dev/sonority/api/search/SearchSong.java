package dev.sonority.api.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * Lainbow's {@code SearchSong}: the {@link SongFields} and {@code score} (cosine similarity).
 * {@code explanation} is Sonority's, present only when asked for with {@code explain=true}.
 */
public record SearchSong(@JsonUnwrapped SongFields song, double score,
        @JsonInclude(JsonInclude.Include.NON_NULL) Explanation explanation) {

    static SearchSong of(SongSummary song, float score, Explanation explanation) {
        return new SearchSong(SongFields.of(song), Rounding.six(score), explanation);
    }
}
