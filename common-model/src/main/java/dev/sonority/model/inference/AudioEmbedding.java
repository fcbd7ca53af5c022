package dev.sonority.model.inference;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One model's output in the answer to {@code POST /v1/embed/audio}.
 *
 * @param embedding the model's pooled embedding (unit length for clap, mert, muq, muq_mulan; musicnn's
 *     mean patch embedding as AudioMuse-AI stores it)
 * @param tags MusiCNN's 50 tag scores, in {@code tagLabels} order; null for other models
 * @param moods MusiCNN's 6 mood probabilities, in {@code moodLabels} order; null for other models
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AudioEmbedding(@Nullable String version, int dim, int windows, float[] embedding, float @Nullable [] tags,
        @Nullable List<String> tagLabels, float @Nullable [] moods, @Nullable List<String> moodLabels) {
}
