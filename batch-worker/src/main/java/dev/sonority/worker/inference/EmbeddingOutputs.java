package dev.sonority.worker.inference;

import dev.sonority.contract.inference.AudioEmbedding;
import dev.sonority.contract.models.ModelName;
import dev.sonority.contract.models.MusicnnLabels;
import dev.sonority.contract.vector.Vectors;
import dev.sonority.model.embedding.EmbeddingKind;
import dev.sonority.worker.analyze.ModelOutput;
import dev.sonority.worker.analyze.ModelResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a model's answer into what is stored: the unit-length {@code search} vector every index searches,
 * plus MusiCNN's mean embedding as AudioMuse-AI stores it ({@code raw}), its tag and mood scores. Answers
 * that do not match the model's contract are refused here rather than stored.
 */
final class EmbeddingOutputs {

    private EmbeddingOutputs() {
    }

    static ModelResult toResult(ModelName model, AudioEmbedding answer) {
        float[] embedding = answer.embedding();
        if (embedding == null || embedding.length == 0) {
            return new ModelResult.Failed(model + ": the inference service returned an empty embedding");
        }
        if (answer.dim() > 0 && answer.dim() != embedding.length) {
            return new ModelResult.Failed(model + ": embedding has " + embedding.length + " values, dim says "
                    + answer.dim());
        }
        if (!Vectors.allFinite(embedding)) {
            return new ModelResult.Failed(model + ": the embedding holds NaN or infinite values");
        }
        if (!Vectors.hasDirection(embedding)) {
            return new ModelResult.Failed(model + ": the embedding is all zeros (silent audio?)");
        }
        Map<String, float[]> vectors = new LinkedHashMap<>();
        vectors.put(EmbeddingKind.SEARCH, Vectors.normalizeInPlace(embedding.clone()));
        if (model == ModelName.MUSICNN) {
            vectors.put(EmbeddingKind.RAW, embedding);
            String problem = labelled("tags", answer.tags(), answer.tagLabels(), MusicnnLabels.TAGS);
            problem = problem != null ? problem : labelled("moods", answer.moods(), answer.moodLabels(), MusicnnLabels.MOODS);
            if (problem != null) {
                return new ModelResult.Failed("musicnn: " + problem);
            }
            vectors.put(EmbeddingKind.TAGS, answer.tags());
            vectors.put(EmbeddingKind.MOODS, answer.moods());
        }
        try {
            return new ModelResult.Computed(new ModelOutput(vectors, null));
        } catch (IllegalArgumentException e) { // a non-finite tag or mood score
            return new ModelResult.Failed(model + ": " + e.getMessage());
        }
    }

    /** Null when {@code scores} has one value per expected label, in the expected order; else what is wrong. */
    private static String labelled(String kind, float[] scores, List<String> labels, List<String> expected) {
        if (scores == null || scores.length != expected.size()) {
            return kind + ": expected " + expected.size() + " scores, got "
                    + (scores == null ? "none" : scores.length);
        }
        if (labels != null && !labels.equals(expected)) {
            return kind + ": labels differ from the ones Sonority stores (" + labels + ")";
        }
        return null;
    }
}
