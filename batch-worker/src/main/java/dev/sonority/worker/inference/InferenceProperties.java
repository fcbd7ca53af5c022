package dev.sonority.worker.inference;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the worker reaches the inference service ({@code sonority.worker.inference.*}).
 *
 * @param url base URL of inference-service (INFERENCE_URL); blank turns deep models off, so a worker
 *     without an inference service analyses with the built-in model only
 * @param connectTimeout how long connecting may take (INFERENCE_CONNECT_TIMEOUT)
 * @param requestTimeout how long one song's request may take, all its models together (INFERENCE_TIMEOUT)
 * @param catalogTtl how long the list of installed models is reused before it is asked again
 * @param windows analysis windows per track sent to the models: 0 for all of them, N for N windows spread
 *     over the track, which trades quality for time on a CPU-only host (INFERENCE_WINDOWS)
 * @param textModel the text model that embeds each song's metadata for text search ({@code text_minilm});
 *     blank turns that off
 */
@ConfigurationProperties("sonority.worker.inference")
public record InferenceProperties(
        @Nullable URI url,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("5m") Duration requestTimeout,
        @DefaultValue("15s") Duration catalogTtl,
        @DefaultValue("0") int windows,
        @DefaultValue("text_minilm") @Nullable String textModel) {

    public InferenceProperties {
        positive("INFERENCE_CONNECT_TIMEOUT", connectTimeout);
        positive("INFERENCE_TIMEOUT", requestTimeout);
        positive("sonority.worker.inference.catalog-ttl", catalogTtl);
        if (windows < 0) {
            throw new IllegalArgumentException("INFERENCE_WINDOWS must be 0 (every window) or a positive count, not "
                    + windows);
        }
        url = url == null || url.toString().isBlank() ? null : url;
        textModel = textModel == null || textModel.isBlank() ? null : textModel.strip();
    }

    public boolean enabled() {
        return url != null;
    }

    private static void positive(String setting, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(setting + " must be a positive duration (e.g. 5s), not " + value);
        }
    }
}
