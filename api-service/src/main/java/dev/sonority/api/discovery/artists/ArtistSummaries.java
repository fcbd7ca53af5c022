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
 * the model's index change (a mixture of a hundred songs takes tens of milliseconds to fit). Any other group of
 * songs (a saved playlist in alchemy) is summarised the same way under a key of its own.
 */
@Component
public class ArtistSummaries {

    /** What a summary was made from: the same key gives the same summary. */
    private record Key(String model, String group, List<Long> songs, long indexed) {
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
        return of(model, "artist:" + artist.key(), artist.songs());
    }

    /**
     * The summary of a group of songs in {@code model}'s space; empty when none of them has a vector.
     *
     * @param group names the group among those kept (e.g. {@code playlist:12}); the same name with other songs is
     *     summarised again
     */
    public Optional<Summary> of(String model, String group, List<Long> songs) {
        Key key = new Key(model, group, List.copyOf(songs), store.size(model));
        Summary summary = kept.get(key);
        if (summary == null) {
            List<float[]> vectors = new ArrayList<>(songs.size());
            for (long song : songs) {
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
