package dev.sonority.api.search;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

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
public record SearchProperties(List<String> similarModels, List<String> textModels, Duration retryAfter,
        URI inferenceUrl, Duration inferenceConnectTimeout, Duration inferenceTimeout, Duration modelRetry, Duration songRefresh) {

    public SearchProperties {
        similarModels = similarModels == null || similarModels.isEmpty()
                ? List.of("muq", "mert", "musicnn", "clap", "acoustic_features") : List.copyOf(similarModels);
        textModels = textModels == null || textModels.isEmpty()
                ? List.of("muq_mulan", "clap", "text_minilm") : List.copyOf(textModels);
        retryAfter = retryAfter == null ? Duration.ofSeconds(5) : retryAfter;
        inferenceUrl = inferenceUrl == null ? URI.create("http://localhost:8001") : inferenceUrl;
        inferenceConnectTimeout = inferenceConnectTimeout == null ? Duration.ofSeconds(2) : inferenceConnectTimeout;
        inferenceTimeout = inferenceTimeout == null ? Duration.ofSeconds(10) : inferenceTimeout;
        modelRetry = modelRetry == null ? Duration.ofSeconds(30) : modelRetry;
        songRefresh = songRefresh == null || songRefresh.isNegative() ? Duration.ofSeconds(10) : songRefresh;
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
