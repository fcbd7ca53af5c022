package dev.sonority.worker.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.contract.inference.AudioEmbedding;
import dev.sonority.contract.models.ModelName;
import dev.sonority.contract.models.MusicnnLabels;
import dev.sonority.contract.vector.Vectors;
import dev.sonority.model.embedding.EmbeddingKind;
import dev.sonority.worker.analyze.ModelResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddingOutputsTest {

    @Test
    void storesAUnitSearchVectorAndMusicnnsRawOutputsBesideIt() {
        float[] embedding = new float[200];
        for (int i = 0; i < embedding.length; i++) {
            embedding[i] = (i % 7) - 3;
        }
        float[] tags = new float[50];
        float[] moods = new float[6];
        java.util.Arrays.fill(tags, 0.55f);
        java.util.Arrays.fill(moods, 0.3f);
        ModelResult result = EmbeddingOutputs.toResult(ModelName.MUSICNN, new AudioEmbedding("1", 200, 3,
                embedding.clone(), tags, MusicnnLabels.TAGS, moods, MusicnnLabels.MOODS));
        var vectors = ((ModelResult.Computed) result).output().vectors();
        assertThat(Vectors.norm(vectors.get(EmbeddingKind.SEARCH))).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(Vectors.cosine(vectors.get(EmbeddingKind.SEARCH), embedding)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(vectors.get(EmbeddingKind.RAW)).containsExactly(embedding);
        assertThat(vectors.get(EmbeddingKind.TAGS)).hasSize(50);
        assertThat(vectors.get(EmbeddingKind.MOODS)).hasSize(6);
    }

    @Test
    void otherModelsStoreTheSearchVectorOnly() {
        float[] embedding = {3, 4};
        var vectors = ((ModelResult.Computed) EmbeddingOutputs.toResult(ModelName.CLAP,
                new AudioEmbedding("x", 2, 1, embedding, null, null, null, null))).output().vectors();
        assertThat(vectors).containsOnlyKeys(EmbeddingKind.SEARCH);
        assertThat(vectors.get(EmbeddingKind.SEARCH)).containsExactly(0.6f, 0.8f);
    }

    @Test
    void refusesAnswersThatBreakTheContract() {
        assertThat(failure(ModelName.CLAP, new AudioEmbedding("x", 3, 1, new float[] {1, 2}, null, null, null, null)))
                .contains("2 values, dim says 3");
        assertThat(failure(ModelName.CLAP, new AudioEmbedding("x", 2, 1, new float[] {Float.NaN, 1}, null, null, null, null)))
                .contains("NaN");
        assertThat(failure(ModelName.CLAP, new AudioEmbedding("x", 2, 1, new float[2], null, null, null, null)))
                .contains("all zeros");
        assertThat(failure(ModelName.MUSICNN, new AudioEmbedding("1", 2, 1, new float[] {1, 2}, new float[49],
                null, new float[6], null))).contains("expected 50 scores, got 49");
        assertThat(failure(ModelName.MUSICNN, new AudioEmbedding("1", 2, 1, new float[] {1, 2}, new float[50],
                List.copyOf(MusicnnLabels.TAGS).reversed(), new float[6], null))).contains("labels differ");
        float[] badMoods = new float[6];
        badMoods[2] = Float.POSITIVE_INFINITY;
        assertThat(failure(ModelName.MUSICNN, new AudioEmbedding("1", 2, 1, new float[] {1, 2}, new float[50],
                null, badMoods, null))).contains("Infinity");
    }

    private static String failure(ModelName model, AudioEmbedding answer) {
        return ((ModelResult.Failed) EmbeddingOutputs.toResult(model, answer)).reason();
    }
}
