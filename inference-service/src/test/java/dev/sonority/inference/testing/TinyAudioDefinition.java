package dev.sonority.inference.testing;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtSession;
import dev.sonority.contract.models.ModelName;
import dev.sonority.inference.batching.DynamicBatcher;
import dev.sonority.inference.runtime.OnnxSession;
import dev.sonority.inference.spi.AudioEmbedder;
import dev.sonority.inference.spi.AudioEmbedding;
import dev.sonority.inference.spi.LoadedModel;
import dev.sonority.inference.spi.ModelDefinition;
import dev.sonority.inference.spi.ModelLoadContext;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A second model for registry tests: {@code tiny_audio.onnx} of make_test_models.py (embedding = 2 x + 1 of the
 * first four samples), served under the manifest name it is given, through the real SPI, runtime and batcher.
 */
public final class TinyAudioDefinition implements ModelDefinition {

    private final ModelName name;
    private final String file;

    public TinyAudioDefinition(ModelName name, String file) {
        this.name = name;
        this.file = file;
    }

    @Override
    public ModelName name() {
        return name;
    }

    @Override
    public LoadedModel load(ModelLoadContext context) throws Exception {
        OnnxSession session = context.openSession(file);
        session.requireInput("audio", -1, 4);
        DynamicBatcher<float[], float[]> batcher = context.batcher("tiny", (batch, placement) -> {
            FloatBuffer input = FloatBuffer.allocate(batch.size() * 4);
            batch.forEach(input::put);
            input.flip();
            try (OnnxTensor x = OnnxTensor.createTensor(session.environment(), input, new long[] {batch.size(), 4});
                    OrtSession.Result result = session.run(Map.of("audio", x), placement)) {
                return new ArrayList<>(List.of((float[][]) result.get(0).getValue()));
            }
        });
        AudioEmbedder audio = in -> new AudioEmbedding(
                batcher.submit(List.of(Arrays.copyOf(in.samples(), 4))).getFirst(), 1);
        return LoadedModel.audioOnly(audio);
    }
}
