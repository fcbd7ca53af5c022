package dev.sonority.contract.inference;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One model's output in the answer to {@code POST /v1/embed/audio}. The fields MusiCNN alone has are left out
 * of the JSON for every other model.
 *
 * @param version the model version of the manifest
 * @param dim the number of values of {@code embedding}
 * @param windows how many analysis windows were run
 * @param embedding the model's pooled embedding (unit length for clap, mert, muq, muq_mulan; musicnn's
 *     mean patch embedding as AudioMuse-AI stores it)
 * @param tags MusiCNN's 50 tag scores, in {@code tagLabels} order; null for other models
 * @param tagLabels the tag names, {@link dev.sonority.contract.models.MusicnnLabels#TAGS}
 * @param moods MusiCNN's 6 mood probabilities, in {@code moodLabels} order; null for other models
 * @param moodLabels the mood names, {@link dev.sonority.contract.models.MusicnnLabels#MOODS}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AudioEmbedding(@Nullable String version, int dim, int windows, float[] embedding, float @Nullable [] tags,
        @JsonProperty("tag_labels") @Nullable List<String> tagLabels, float @Nullable [] moods,
        @JsonProperty("mood_labels") @Nullable List<String> moodLabels) {
}
