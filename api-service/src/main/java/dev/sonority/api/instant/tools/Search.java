package dev.sonority.api.instant.tools;

import dev.sonority.api.search.SongSummary;
import java.util.List;

/**
 * A search as it ran: the tool and its arguments, the songs it returned (best first), the model that answered
 * a vector search (null for metadata), and why it returned nothing when it could not run (null when it ran).
 *
 * @param note what else the caller should know: which seeds were found, which artists match
 */
public record Search(Tool tool, List<SongSummary> songs, String model, String error, String note) {

    public Search {
        songs = List.copyOf(songs);
    }

    static Search failed(Tool tool, String error) {
        return new Search(tool, List.of(), null, error, null);
    }
}
