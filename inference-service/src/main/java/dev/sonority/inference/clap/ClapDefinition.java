package dev.sonority.inference.clap;

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
import dev.sonority.inference.text.TextTower;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * clap: 10 s windows every 5 s at 48 kHz (a shorter clip zero-padded to 10 s), each turned into the log-mel of
 * {@link ClapMel} and embedded by the audio tower; every window's 512-d vector is L2-normalised, the vectors are
 * averaged and the mean normalised again. Text: RoBERTa tokens ({@code <s> ... </s>}, at most 77, padded to 77
 * with id 1 as LAION CLAP's tokenizer call does), the text tower's 512-d output L2-normalised.
 */
@Component
public class ClapDefinition implements ModelDefinition {

    static final String AUDIO_FILE = "clap/clap_audio_model.onnx";
    static final String TEXT_FILE = "clap/clap_text_model.onnx";
    static final String TOKENIZER_FILE = "clap/tokenizer.json";
    static final String AUDIO_INPUT = "mel";
    static final String OUTPUT = "embedding";
    static final int DIM = 512;
    static final int MAX_TOKENS = 77;
    /** RoBERTa's {@code <pad>}. */
    static final long PAD_ID = 1;
    static final WindowLayout WINDOWS = new WindowLayout(ClapMel.WINDOW_SAMPLES, 5 * ClapMel.SAMPLE_RATE, 1, true);

    @Override
    public ModelName name() {
        return ModelName.CLAP;
    }

    @Override
    public LoadedModel load(ModelLoadContext context) throws Exception {
        OnnxSession audio = context.openSession(AUDIO_FILE);
        audio.requireInput(AUDIO_INPUT, -1, 1, ClapMel.FRAMES, ClapMel.BANDS);
        audio.requireOutput(OUTPUT, -1, DIM);
        DynamicBatcher<float[], float[]> windows = context.batcher("audio", new FloatTensorRunner(audio, AUDIO_INPUT,
                OUTPUT, length -> new long[] {1, ClapMel.FRAMES, ClapMel.BANDS}));
        TextTower tower = TextTower.pooled(context, TEXT_FILE, TOKENIZER_FILE, OUTPUT, DIM, MAX_TOKENS, PAD_ID,
                MAX_TOKENS);
        AudioEmbedder embedder = input -> {
            List<float[]> cut = WINDOWS.cut(input.samples(), input.sampleRate(), input.windows());
            ClapMel mel = new ClapMel();
            List<float[]> mels = cut.stream().map(mel::of).toList();
            List<float[]> vectors = windows.submit(mels).stream().map(Vectors::normalizeInPlace).toList();
            return new AudioEmbedding(Vectors.normalizeInPlace(Pooling.mean(vectors)), vectors.size());
        };
        return tower.with(embedder);
    }
}
