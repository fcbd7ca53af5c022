package dev.sonority.api.discovery.artists;

import dev.sonority.model.vector.store.VectorStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Each artist's songs summarised in a model's space ({@link ArtistMixture}), kept until the artist's songs or
 * the model's index change (a mixture of a hundred songs takes tens of milliseconds to fit).
 */
@Component
public class ArtistSummaries {

    /** What a summary was made from: the same key gives the same summary. */
    private record Key(String model, String artist, List<Long> songs, long indexed) {
    }

    /**
     * @param songs how many of the artist's songs have a vector of the model
     */
    public record Summary(List<MixtureComponent> components, int songs) {
    }

    private static final int MAX_KEPT = 10_000;

    private final VectorStore store;
    private final Map<Key, Summary> kept = new ConcurrentHashMap<>();

    ArtistSummaries(VectorStore store) {
        this.store = store;
    }

    /** The summary of {@code artist} in {@code model}'s space; empty when none of its songs has a vector. */
    public Optional<Summary> of(String model, Artist artist) {
        Key key = new Key(model, artist.key(), artist.songs(), store.size(model));
        Summary summary = kept.get(key);
        if (summary == null) {
            List<float[]> vectors = new ArrayList<>(artist.songs().size());
            for (long song : artist.songs()) {
                store.vector(model, song).ifPresent(vectors::add);
            }
            if (vectors.isEmpty()) {
                return Optional.empty();
            }
            summary = new Summary(ArtistMixture.of(vectors), vectors.size());
            if (kept.size() >= MAX_KEPT) {
                kept.clear(); // summaries of a library that changed under them: cheaper to refit than to sort out
            }
            kept.put(key, summary);
        }
        return Optional.of(summary);
    }
}
