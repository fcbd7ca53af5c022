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
import dev.sonority.inference.text.TextTower;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * muq_mulan: the audio tower's 512-d vector per 10 s window (24 kHz waveform), averaged as MuQ-MuLan averages its
 * clips, L2-normalised; the text tower on XLM-RoBERTa tokens ({@code <s> ... </s>}, at most 128, pad id 1),
 * L2-normalised — both in the one space text-to-music search compares.
 */
@Component
public class MuqMulanDefinition implements ModelDefinition {

    static final String AUDIO_FILE = "muq_mulan/muq-mulan-audio.onnx";
    static final String TEXT_FILE = "muq_mulan/muq-mulan-text.onnx";
    static final String TOKENIZER_FILE = "muq_mulan/tokenizer.json";
    static final String OUTPUT = "embedding";
    static final int DIM = 512;
    static final int MAX_TOKENS = 128;
    static final long PAD_ID = 1;

    @Override
    public ModelName name() {
        return ModelName.MUQ_MULAN;
    }

    @Override
    public LoadedModel load(ModelLoadContext context) throws Exception {
        OnnxSession audio = context.openSession(AUDIO_FILE);
        audio.requireInput(MuqWindows.INPUT, -1, -1);
        audio.requireOutput(OUTPUT, -1, DIM);
        DynamicBatcher<float[], float[]> windows = context.batcher("audio",
                new FloatTensorRunner(audio, MuqWindows.INPUT, OUTPUT, length -> new long[] {length}));
        TextTower tower = TextTower.pooled(context, TEXT_FILE, TOKENIZER_FILE, OUTPUT, DIM, MAX_TOKENS, PAD_ID, 0);
        AudioEmbedder embedder = input -> {
            List<float[]> cut = MuqWindows.LAYOUT.cut(input.samples(), input.sampleRate(), input.windows());
            List<float[]> vectors = windows.submit(cut);
            return new AudioEmbedding(Vectors.normalizeInPlace(Pooling.mean(vectors)), vectors.size());
        };
        return tower.with(embedder);
    }
}
