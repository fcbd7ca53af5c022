package dev.sonority.inference.musicnn;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.sonority.inference.batching.BatchFunction;
import dev.sonority.inference.runtime.OnnxSession;
import dev.sonority.inference.runtime.Placement;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a batch of mel patches through the embedding graph, then the tag head and the six mood heads on the
 * resulting embeddings (the heads take the embedding graph's output tensor directly, without a copy).
 */
final class MusicnnRunner implements BatchFunction<float[], PatchOutput> {

    private final OnnxSession embedding;
    private final String embeddingInput;
    private final OnnxSession tags;
    private final List<OnnxSession> moods;

    MusicnnRunner(OnnxSession embedding, String embeddingInput, OnnxSession tags, List<OnnxSession> moods) {
        this.embedding = embedding;
        this.embeddingInput = embeddingInput;
        this.tags = tags;
        this.moods = moods;
    }

    @Override
    public List<PatchOutput> run(List<float[]> patches, Placement placement) throws OrtException {
        int n = patches.size();
        FloatBuffer input = FloatBuffer.allocate(n * MusicnnMel.PATCH_FRAMES * MusicnnMel.BANDS);
        patches.forEach(input::put);
        input.flip();
        try (OnnxTensor x = OnnxTensor.createTensor(embedding.environment(), input,
                new long[] {n, MusicnnMel.PATCH_FRAMES, MusicnnMel.BANDS});
                OrtSession.Result embedded = embedding.run(Map.of(embeddingInput, x), placement)) {
            OnnxTensor e = (OnnxTensor) embedded.get(MusicnnGraphs.EMBEDDING_OUTPUT).orElseThrow();
            float[][] embeddings = (float[][]) e.getValue();
            float[][] tagScores = head(tags, MusicnnGraphs.TAGS_INPUT, MusicnnGraphs.TAGS_OUTPUT, e, placement);
            float[][] moodScores = new float[n][MusicnnGraphs.MOODS.size()];
            for (int h = 0; h < moods.size(); h++) {
                float[][] softmax = head(moods.get(h), MusicnnGraphs.MOOD_INPUT, MusicnnGraphs.MOOD_OUTPUT, e,
                        placement);
                int positive = MusicnnGraphs.MOODS.get(h).positiveIndex();
                for (int i = 0; i < n; i++) {
                    moodScores[i][h] = softmax[i][positive];
                }
            }
            List<PatchOutput> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(new PatchOutput(embeddings[i], tagScores[i], moodScores[i]));
            }
            return out;
        }
    }

    private static float[][] head(OnnxSession head, String input, String output, OnnxTensor embeddings,
            Placement placement) throws OrtException {
        try (OrtSession.Result result = head.run(Map.of(input, embeddings), placement)) {
            OnnxValue value = result.get(output).orElseThrow();
            return (float[][]) value.getValue();
        }
    }
}
