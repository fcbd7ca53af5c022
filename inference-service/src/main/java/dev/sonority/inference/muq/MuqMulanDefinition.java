package dev.sonority.inference.muq;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * muq_mulan, fed as AudioMuse-AI feeds its release export: 24 kHz mono in 10 s windows every 5 s from the start,
 * the last window and any clip of 10 s or less zero-padded ({@link WindowLayout.End#PADDED}), each through the
 * audio tower ({@code wavs} [B,240000] → {@code audio_embedding} [B,512]); mean over windows, L2. Text: XLM-RoBERTa
 * tokens ({@code <s> ... </s>}, at most 128, padded to 128 with id 1) → {@code text_embedding}, L2-normalised —
 * both in the one space text-to-music search compares.
 */
@Component
public class MuqMulanDefinition implements ModelDefinition {

    static final String AUDIO_FILE = "muq_mulan/mulan_audio_encoder.onnx";
    static final String TEXT_FILE = "muq_mulan/mulan_text_encoder.onnx";
    /** Unpacked by the download into {@code muq_mulan/mulan_tokenizer/} (the manifest's {@code unpack}). */
    static final String TOKENIZER_ARCHIVE = "muq_mulan/mulan_tokenizer.tar.gz";
    static final String TOKENIZER_JSON = "mulan_tokenizer/tokenizer.json";
    static final String AUDIO_INPUT = "wavs";
    static final String AUDIO_OUTPUT = "audio_embedding";
    static final String TEXT_OUTPUT = "text_embedding";
    static final int WINDOW_SAMPLES = 10 * MuqWindows.SAMPLE_RATE;
    static final WindowLayout WINDOWS = new WindowLayout(WINDOW_SAMPLES, 5 * MuqWindows.SAMPLE_RATE, 1, true,
            WindowLayout.End.PADDED);
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
        audio.requireInput(AUDIO_INPUT, -1, WINDOW_SAMPLES);
        audio.requireOutput(AUDIO_OUTPUT, -1, DIM);
        DynamicBatcher<float[], float[]> windows = context.batcher("audio",
                new FloatTensorRunner(audio, AUDIO_INPUT, AUDIO_OUTPUT, length -> new long[] {length}));
        Path tokenizer = context.file(TOKENIZER_ARCHIVE).resolveSibling(TOKENIZER_JSON);
        AudioEmbedder embedder = input -> {
            List<float[]> cut = WINDOWS.cut(input.samples(), input.sampleRate(), input.windows());
            List<float[]> vectors = windows.submit(cut);
            return new AudioEmbedding(Vectors.normalizeInPlace(Pooling.mean(vectors)), vectors.size());
        };
        if (!Files.isRegularFile(tokenizer)) {
            // the release ships XLM-R's sentencepiece files only, which DJL's tokenizers cannot read: the audio
            // tower works, text needs a tokenizer.json saved from them (docs/models.md says how)
            return LoadedModel.audioOnly(embedder);
        }
        return TextTower.pooled(context, TEXT_FILE, tokenizer, TEXT_OUTPUT, DIM, MAX_TOKENS, PAD_ID, MAX_TOKENS)
                .with(embedder);
    }
}
