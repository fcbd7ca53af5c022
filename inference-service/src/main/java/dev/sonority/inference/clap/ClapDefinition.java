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
 * clap, fed as AudioMuse-AI feeds its release export: 48 kHz mono clipped to ±1 and quantised to int16 and back
 * ({@link Int16RoundTrip}); 10 s windows every 5 s plus one over the final 10 s ({@link WindowLayout.End#ALWAYS_ALIGNED}),
 * a shorter clip zero-padded to 10 s; each window's log-mel ({@link ClapMel}) through the audio tower
 * ({@code mel_spectrogram} [B,1,T,64] → {@code audio_embedding} [B,512], normalised inside the graph); the song
 * vector is the mean over windows, L2-normalised. Text: RoBERTa tokens ({@code <s> ... </s>}, at most 77, padded to
 * 77 with id 1) → {@code text_embedding}, L2-normalised again after the model. Similarity is the plain dot product.
 */
@Component
public class ClapDefinition implements ModelDefinition {

    static final String AUDIO_FILE = "clap/clap_audio_model.onnx";
    static final String TEXT_FILE = "clap/clap_text_model.onnx";
    static final String TOKENIZER_FILE = "clap/tokenizer.json";
    static final String AUDIO_INPUT = "mel_spectrogram";
    static final String AUDIO_OUTPUT = "audio_embedding";
    static final String TEXT_OUTPUT = "text_embedding";
    static final int DIM = 512;
    static final int MAX_TOKENS = 77;
    /** RoBERTa's {@code <pad>}. */
    static final long PAD_ID = 1;
    static final WindowLayout WINDOWS = new WindowLayout(ClapMel.WINDOW_SAMPLES, 5 * ClapMel.SAMPLE_RATE, 1, true,
            WindowLayout.End.ALWAYS_ALIGNED);

    @Override
    public ModelName name() {
        return ModelName.CLAP;
    }

    @Override
    public LoadedModel load(ModelLoadContext context) throws Exception {
        OnnxSession audio = context.openSession(AUDIO_FILE);
        audio.requireInput(AUDIO_INPUT, -1, 1, ClapMel.FRAMES, ClapMel.BANDS);
        audio.requireOutput(AUDIO_OUTPUT, -1, DIM);
        DynamicBatcher<float[], float[]> windows = context.batcher("audio", new FloatTensorRunner(audio, AUDIO_INPUT,
                AUDIO_OUTPUT, length -> new long[] {1, ClapMel.FRAMES, ClapMel.BANDS}));
        TextTower tower = TextTower.pooled(context, TEXT_FILE, TOKENIZER_FILE, TEXT_OUTPUT, DIM, MAX_TOKENS, PAD_ID,
                MAX_TOKENS);
        AudioEmbedder embedder = input -> {
            float[] quantised = Int16RoundTrip.apply(input.samples());
            List<float[]> cut = WINDOWS.cut(quantised, input.sampleRate(), input.windows());
            ClapMel mel = new ClapMel();
            List<float[]> mels = cut.stream().map(mel::of).toList();
            List<float[]> vectors = windows.submit(mels); // normalised by the graph; AudioMuse-AI averages them as they are
            return new AudioEmbedding(Vectors.normalizeInPlace(Pooling.mean(vectors)), vectors.size());
        };
        return tower.with(embedder);
    }
}
