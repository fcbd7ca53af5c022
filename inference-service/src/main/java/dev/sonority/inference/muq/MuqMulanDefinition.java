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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * muq_mulan: the audio tower's 512-d vector per 10 s window (24 kHz waveform), averaged as MuQ-MuLan averages its
 * clips, L2-normalised; the text tower on XLM-RoBERTa tokens ({@code <s> ... </s>}, at most 128, pad id 1),
 * L2-normalised — both in the one space text-to-music search compares.
 */
@Component
public class MuqMulanDefinition implements ModelDefinition {

    static final String AUDIO_FILE = "muq_mulan/mulan_audio_encoder.onnx";
    static final String TEXT_FILE = "muq_mulan/mulan_text_encoder.onnx";
    /** Unpacked by the download into {@code muq_mulan/mulan_tokenizer/} (the manifest's {@code unpack}). */
    static final String TOKENIZER_ARCHIVE = "muq_mulan/mulan_tokenizer.tar.gz";
    static final String TOKENIZER_JSON = "mulan_tokenizer/tokenizer.json";
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
        Path tokenizer = context.file(TOKENIZER_ARCHIVE).resolveSibling(TOKENIZER_JSON);
        AudioEmbedder embedder = input -> {
            List<float[]> cut = MuqWindows.LAYOUT.cut(input.samples(), input.sampleRate(), input.windows());
            List<float[]> vectors = windows.submit(cut);
            return new AudioEmbedding(Vectors.normalizeInPlace(Pooling.mean(vectors)), vectors.size());
        };
        if (!Files.isRegularFile(tokenizer)) {
            // the release ships XLM-R's sentencepiece files only, which DJL's tokenizers cannot read: the audio
            // tower works, text needs a tokenizer.json saved from them (docs/models.md says how)
            return LoadedModel.audioOnly(embedder);
        }
        return TextTower.pooled(context, TEXT_FILE, tokenizer, OUTPUT, DIM, MAX_TOKENS, PAD_ID, 0).with(embedder);
    }
}
