package dev.sonority.api.search;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of similar and text search ({@code sonority.search}).
 *
 * @param similarModels fallback order for similar songs (SEARCH_SIMILAR_MODELS); a requested model comes first
 * @param textModels fallback order for text search (SEARCH_TEXT_MODELS)
 * @param retryAfter the Retry-After of a 503 while an index is loading
 * @param inferenceUrl inference-service, which embeds text queries (INFERENCE_URL)
 * @param inferenceConnectTimeout connect timeout of calls to inference-service
 * @param inferenceTimeout read timeout of calls to inference-service (a text embedding on CPU is milliseconds)
 * @param modelRetry how long a text model inference-service refused (not installed, failed) is skipped
 * @param songRefresh how often the in-memory song directory ({@link SongDirectory}) is compared with PostgreSQL:
 *     the longest a changed tag or a removed file can show in results (SEARCH_SONG_REFRESH); zero turns the
 *     directory off (no heap for it; every request reads its songs from PostgreSQL)
 */
@ConfigurationProperties("sonority.search")
public record SearchProperties(
        @DefaultValue({"muq", "mert", "musicnn", "clap", "acoustic_features"}) List<String> similarModels,
        @DefaultValue({"muq_mulan", "clap", "text_minilm"}) List<String> textModels,
        @DefaultValue("5s") Duration retryAfter,
        @DefaultValue("http://localhost:8001") URI inferenceUrl, @DefaultValue("2s") Duration inferenceConnectTimeout,
        @DefaultValue("10s") Duration inferenceTimeout, @DefaultValue("30s") Duration modelRetry,
        @DefaultValue("10s") Duration songRefresh) {

    public SearchProperties {
        similarModels = chain("SEARCH_SIMILAR_MODELS", similarModels);
        textModels = chain("SEARCH_TEXT_MODELS", textModels);
        if (songRefresh.isNegative()) {
            throw new IllegalArgumentException("SEARCH_SONG_REFRESH must be 0 (no in-memory copy) or positive, not "
                    + songRefresh);
        }
    }

    private static List<String> chain(String variable, List<String> models) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException(variable + " is blank: name at least one model, or leave it unset for"
                    + " the default order");
        }
        return List.copyOf(models);
    }

    /** {@code requested} first (when given), then the chain without it. */
    static List<String> order(String requested, List<String> chain) {
        if (requested == null) {
            return chain;
        }
        List<String> order = new java.util.ArrayList<>(List.of(requested));
        chain.stream().filter(m -> !m.equals(requested)).forEach(order::add);
        return order;
    }
}
