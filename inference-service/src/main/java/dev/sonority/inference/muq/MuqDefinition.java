package dev.sonority.inference.muq;

import dev.sonority.contract.models.ModelName;
import dev.sonority.inference.batching.DynamicBatcher;
import dev.sonority.inference.embedding.FloatTensorRunner;
import dev.sonority.contract.vector.Vectors;
import dev.sonority.inference.embedding.Pooling;
import dev.sonority.inference.runtime.OnnxSession;
import dev.sonority.inference.spi.AudioEmbedder;
import dev.sonority.inference.spi.AudioEmbedding;
import dev.sonority.inference.spi.LoadedModel;
import dev.sonority.inference.spi.ModelDefinition;
import dev.sonority.inference.spi.ModelLoadContext;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * muq: the raw 24 kHz waveform of each window (MuQ normalises inside its graph), the mean of the last hidden
 * state ({@code [B, frames, 1024]}) over time per window, averaged over windows, L2-normalised.
 */
@Component
public class MuqDefinition implements ModelDefinition {

    static final String FILE = "muq/muq-large-msd-iter.onnx";
    static final String OUTPUT = "last_hidden_state";
    static final int DIM = 1024;

    @Override
    public ModelName name() {
        return ModelName.MUQ;
    }

    @Override
    public LoadedModel load(ModelLoadContext context) throws Exception {
        OnnxSession session = context.openSession(FILE);
        session.requireInput(MuqWindows.INPUT, -1, -1);
        session.requireOutput(OUTPUT, -1, -1, DIM);
        DynamicBatcher<float[], float[]> batcher = context.batcher("windows",
                new FloatTensorRunner(session, MuqWindows.INPUT, OUTPUT, length -> new long[] {length}));
        AudioEmbedder embedder = input -> {
            List<float[]> windows = MuqWindows.LAYOUT.cut(input.samples(), input.sampleRate(), input.windows());
            List<float[]> vectors = batcher.submit(windows).stream().map(h -> Pooling.meanRows(h, DIM)).toList();
            return new AudioEmbedding(Vectors.normalizeInPlace(Pooling.mean(vectors)), vectors.size());
        };
        return LoadedModel.audioOnly(embedder);
    }
}
