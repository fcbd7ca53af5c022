package dev.sonority.inference.text;

import dev.sonority.inference.batching.BatchFunction;
import dev.sonority.inference.batching.DynamicBatcher;
import dev.sonority.inference.batching.InferenceFailedException;
import dev.sonority.contract.vector.Vectors;
import dev.sonority.inference.runtime.OnnxSession;
import dev.sonority.inference.runtime.Placement;
import dev.sonority.inference.spi.AudioEmbedder;
import dev.sonority.inference.spi.LoadedModel;
import dev.sonority.inference.spi.ModelLoadContext;
import dev.sonority.inference.spi.TextEmbedder;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** A model's text side: tokenize each text, run the token ids through the graph (one item per text), L2-normalise. */
public final class TextTower implements TextEmbedder, AutoCloseable {

    private final TextTokenizer tokenizer;
    private final Function<List<TokenizedText>, List<float[]>> graph;

    private TextTower(TextTokenizer tokenizer, Function<List<TokenizedText>, List<float[]>> graph) {
        this.tokenizer = tokenizer;
        this.graph = graph;
    }

    /** Texts of concurrent requests are batched together (clap, muq_mulan). */
    public static TextTower batched(TextTokenizer tokenizer, DynamicBatcher<TokenizedText, float[]> batcher) {
        return new TextTower(tokenizer, batcher::submit);
    }

    /**
     * Each request runs on its own thread, without a batcher: for a graph that runs every text alone anyway
     * (text_minilm), a batcher would only add its collection wait ({@code INFERENCE_BATCH_WAIT}) to every
     * request's latency (measured: p50 13.3 ms with the default 5 ms wait, 7.6 ms without).
     */
    public static TextTower direct(TextTokenizer tokenizer, BatchFunction<TokenizedText, float[]> runner) {
        return new TextTower(tokenizer, texts -> {
            try {
                return runner.run(texts, Placement.PREFERRED);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new InferenceFailedException("the text graph failed: " + e.getMessage(), e);
            }
        });
    }

    /**
     * The text tower of a joint audio-text model (clap, muq_mulan): a graph taking token ids and an attention
     * mask and giving one pooled {@code [batch, dim]} vector per text, checked against that contract, with
     * texts of concurrent requests batched.
     *
     * @param padTo pad every text to this many tokens (a graph with a fixed sequence length), or 0
     */
    public static TextTower pooled(ModelLoadContext context, String graphFile, String tokenizerFile, String output,
            int dim, int maxTokens, long padId, int padTo) throws Exception {
        return pooled(context, graphFile, context.file(tokenizerFile), output, dim, maxTokens, padId, padTo);
    }

    /** As above, with a tokenizer.json that is not itself a manifest file (unpacked from one). */
    public static TextTower pooled(ModelLoadContext context, String graphFile, Path tokenizerFile, String output,
            int dim, int maxTokens, long padId, int padTo) throws Exception {
        OnnxSession session = context.openSession(graphFile);
        session.requireInput(TextTowerRunner.INPUT_IDS, -1, -1);
        session.requireInput(TextTowerRunner.ATTENTION_MASK, -1, -1);
        session.requireOutput(output, -1, dim);
        return batched(TextTokenizer.open(tokenizerFile, maxTokens), context.batcher("text",
                new TextTowerRunner(session, output, TextTowerRunner.Output.POOLED, dim, padId, padTo, false, false)));
    }

    /** A loaded model that embeds text only. */
    public LoadedModel alone() {
        return new Loaded(null);
    }

    /** A loaded model with this text side and {@code audio} as its audio side. */
    public LoadedModel with(AudioEmbedder audio) {
        return new Loaded(audio);
    }

    /** The model as the registry holds it; closing it closes this tower's tokenizer. */
    private final class Loaded implements LoadedModel {

        private final AudioEmbedder audio;

        Loaded(AudioEmbedder audio) {
            this.audio = audio;
        }

        @Override
        public Optional<AudioEmbedder> audio() {
            return Optional.ofNullable(audio);
        }

        @Override
        public Optional<TextEmbedder> text() {
            return Optional.of(TextTower.this);
        }

        @Override
        public void close() {
            TextTower.this.close();
        }
    }

    @Override
    public float[][] embed(List<String> texts) {
        List<TokenizedText> tokens = texts.stream().map(tokenizer::encode).toList();
        return graph.apply(tokens).stream().map(Vectors::normalizeInPlace).toArray(float[][]::new);
    }

    /** Closes the tokenizer; batchers and sessions belong to the registry. */
    @Override
    public void close() {
        tokenizer.close();
    }
}
