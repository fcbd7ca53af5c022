package dev.sonority.inference.text;

import dev.sonority.contract.models.ModelName;
import dev.sonority.inference.runtime.OnnxSession;
import dev.sonority.inference.spi.LoadedModel;
import dev.sonority.inference.spi.ModelDefinition;
import dev.sonority.inference.spi.ModelLoadContext;
import org.springframework.stereotype.Component;

/**
 * text_minilm: the quantized all-MiniLM-L6-v2 as sentence-transformers runs it: BERT WordPiece tokens (at most
 * 256, sentence-transformers' max_seq_length for this model), mean of the last hidden state over the attention
 * mask, L2-normalised; 384-d. The graph is dynamically quantized (the int8 scale is computed over the whole
 * input), so each text runs alone: a text's vector must not depend on what else is in the batch; with nothing to
 * batch, requests run directly on their own threads.
 */
@Component
public class TextMinilmDefinition implements ModelDefinition {

    static final String MODEL_FILE = "text_minilm/all-minilm-l6-v2-q.onnx";
    static final String TOKENIZER_FILE = "text_minilm/all-minilm-l6-v2-q-tokenizer.json";
    static final String OUTPUT = "last_hidden_state";
    static final int DIM = 384;
    static final int MAX_TOKENS = 256;
    /** BERT's [PAD]. */
    static final long PAD_ID = 0;

    @Override
    public ModelName name() {
        return ModelName.TEXT_MINILM;
    }

    @Override
    public LoadedModel load(ModelLoadContext context) throws Exception {
        OnnxSession session = context.openSession(MODEL_FILE);
        session.requireInput(TextTowerRunner.INPUT_IDS, -1, -1);
        session.requireInput(TextTowerRunner.ATTENTION_MASK, -1, -1);
        session.requireInput(TextTowerRunner.TOKEN_TYPE_IDS, -1, -1);
        session.requireOutput(OUTPUT, -1, -1, DIM);
        TextTokenizer tokenizer = TextTokenizer.open(context.file(TOKENIZER_FILE), MAX_TOKENS);
        TextTower tower = TextTower.direct(tokenizer,
                new TextTowerRunner(session, OUTPUT, TextTowerRunner.Output.TOKENS, DIM, PAD_ID, 0, true, true));
        return tower.alone();
    }
}
