package dev.sonority.api.search;

import dev.sonority.model.vector.store.VectorStoreUnavailableException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Text and similar search for other features (instant playlists), with the same model fallback as the search
 * endpoints. A search that cannot run is a {@link SearchUnavailableException} saying why, so a caller that
 * combines several searches can report it and go on with the others.
 */
@Component
public class LibrarySearch {

    /** One result: the song and its cosine similarity to the query. */
    public record Hit(SongSummary song, float score) {
    }

    /** The model that answered and its results, best first. */
    public record Found(String model, List<Hit> hits) {
    }

    private final TextSongs text;
    private final SimilarSongs similar;
    private final SongCatalog catalog;

    LibrarySearch(TextSongs text, SimilarSongs similar, SongCatalog catalog) {
        this.text = text;
        this.similar = similar;
        this.catalog = catalog;
    }

    /**
     * Songs matching {@code query}, through the text model chain.
     *
     * @param allowed only these songs, or null for all
     * @throws SearchUnavailableException no text model can answer, inference-service is down, an index is loading
     */
    public Found text(String query, Set<Long> allowed, int want) {
        try {
            return found(text.find(null, query, allowed, want));
        } catch (TextSongs.NoTextModelException | InferenceUnavailableException
                | VectorStoreUnavailableException e) {
            throw new SearchUnavailableException(e.getMessage(), e);
        }
    }

    /**
     * Songs like the seeds (their centroid when several), through the similar model chain; empty when no model
     * has vectors of every seed.
     *
     * @throws SearchUnavailableException an index is loading
     */
    public Optional<Found> similar(List<Long> seeds, Set<Long> allowed, int want) {
        try {
            return similar.find(null, seeds, allowed, want, SimilarOptions.PLAIN).map(LibrarySearch::found);
        } catch (VectorStoreUnavailableException e) {
            throw new SearchUnavailableException(e.getMessage(), e);
        }
    }

    /** The models similar search tries, in order. */
    public List<String> similarModels() {
        return similar.order(null);
    }

    /** Result fields of these songs; songs whose file is gone are left out. */
    public Map<Long, SongSummary> summaries(Collection<Long> ids) {
        return catalog.summaries(ids);
    }

    private static Found found(SearchAnswer answer) {
        return new Found(answer.model(), answer.results().stream().map(r -> new Hit(r.song(), r.score())).toList());
    }
}
