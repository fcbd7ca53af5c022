package dev.sonority.inference.mert;

import dev.sonority.contract.models.ModelName;
import dev.sonority.inference.batching.DynamicBatcher;
import dev.sonority.inference.embedding.FloatTensorRunner;
import dev.sonority.contract.vector.Vectors;
import dev.sonority.inference.embedding.Pooling;
import dev.sonority.inference.embedding.WindowLayout;
import dev.sonority.inference.runtime.OnnxSession;
import dev.sonority.inference.spi.AudioEmbedder;
import dev.sonority.inference.spi.AudioEmbedding;
import dev.sonority.inference.spi.LoadedModel;
import dev.sonority.inference.spi.ModelDefinition;
import dev.sonority.inference.spi.ModelLoadContext;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * mert: non-overlapping 10 s windows at 24 kHz (plus one aligned to the end; a track under 10 s is one window of
 * its own length, at least 1 s), each normalised to zero mean and unit variance as MERT's
 * Wav2Vec2FeatureExtractor ({@code do_normalize=True}) does. The exported graph returns hidden states 12-15
 * ({@code [B, 4, frames, 1024]}); their mean over layers and frames is the window's vector; windows are averaged,
 * then L2-normalised.
 */
@Component
public class MertDefinition implements ModelDefinition {

    static final String FILE = "mert/mert-v1-330m.onnx";
    static final String INPUT = "waveform";
    static final String OUTPUT = "hidden_states";
    static final int SAMPLE_RATE = 24_000;
    static final int LAYERS = 4;
    static final int DIM = 1024;
    static final WindowLayout WINDOWS = new WindowLayout(10 * SAMPLE_RATE, 10 * SAMPLE_RATE, SAMPLE_RATE, false);

    @Override
    public ModelName name() {
        return ModelName.MERT;
    }

    @Override
    public LoadedModel load(ModelLoadContext context) throws Exception {
        OnnxSession session = context.openSession(FILE);
        session.requireInput(INPUT, -1, -1);
        session.requireOutput(OUTPUT, -1, LAYERS, -1, DIM);
        DynamicBatcher<float[], float[]> batcher = context.batcher("windows",
                new FloatTensorRunner(session, INPUT, OUTPUT, length -> new long[] {length}));
        AudioEmbedder embedder = input -> {
            List<float[]> windows = WINDOWS.cut(input.samples(), input.sampleRate(), input.windows()).stream()
                    .map(MertDefinition::normalise).toList();
            List<float[]> vectors = batcher.submit(windows).stream().map(h -> Pooling.meanRows(h, DIM)).toList();
            return new AudioEmbedding(Vectors.normalizeInPlace(Pooling.mean(vectors)), vectors.size());
        };
        return LoadedModel.audioOnly(embedder);
    }

    /** {@code (x - mean) / sqrt(var + 1e-7)}, Wav2Vec2FeatureExtractor's zero-mean unit-variance normalisation. */
    static float[] normalise(float[] x) {
        double mean = 0;
        for (float v : x) {
            mean += v;
        }
        mean /= x.length;
        double var = 0;
        for (float v : x) {
            var += (v - mean) * (v - mean);
        }
        var /= x.length;
        double scale = 1.0 / Math.sqrt(var + 1e-7);
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) ((x[i] - mean) * scale);
        }
        return out;
    }
}
