package dev.sonority.api.search;

import dev.sonority.model.vector.store.VectorStore;
import dev.sonority.model.vector.store.VectorStoreUnavailableException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The model fallback of every vector answer over songs (docs/api.md, "Model fallback"): the requested model,
 * then {@code SEARCH_SIMILAR_MODELS}; the first model whose index has vectors and can answer wins. Similar
 * songs, song paths, alchemy, artists and moods all choose their model here, so they agree on what answers.
 */
@Component
public class ModelChain {

    private final VectorStore store;
    private final SearchProperties properties;

    ModelChain(VectorStore store, SearchProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    /** The models tried for {@code requested} (null: the configured chain), in order. */
    public List<String> order(String requested) {
        return SearchProperties.order(requested, properties.similarModels());
    }

    /**
     * The answer of the first model, in {@link #order}, that has vectors and for which {@code attempt} answers;
     * empty when none does. Models without any vector are skipped without asking {@code attempt}.
     *
     * @throws VectorStoreUnavailableException when a model that would be tried is still loading (a 503 with
     *     Retry-After rather than an answer from a worse model, or none)
     */
    public <T> Optional<T> first(String requested, Function<String, Optional<T>> attempt) {
        for (String model : order(requested)) {
            if (!store.ready(model)) {
                throw new VectorStoreUnavailableException("The " + model + " index is still loading");
            }
            if (store.size(model) == 0) {
                continue;
            }
            Optional<T> answer = attempt.apply(model);
            if (answer.isPresent()) {
                return answer;
            }
        }
        return Optional.empty();
    }

    /** "tried muq, mert, clap" for messages that say why nothing answered. */
    public String tried(String requested) {
        return "tried " + String.join(", ", order(requested));
    }
}
