package dev.sonority.inference.musicnn;

import ai.onnxruntime.OrtException;
import dev.sonority.contract.models.ModelName;
import dev.sonority.contract.models.MusicnnLabels;
import dev.sonority.inference.batching.DynamicBatcher;
import dev.sonority.inference.runtime.ModelContractException;
import dev.sonority.inference.runtime.OnnxSession;
import dev.sonority.inference.spi.LoadedModel;
import dev.sonority.inference.spi.ModelDefinition;
import dev.sonority.inference.spi.ModelLoadContext;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Loads MusiCNN's eight graphs, checking each against the contract (the embedding graph against the manifest's
 * {@code input.tensor} and {@code input.shape}), and one batcher that runs all of them per batch of patches.
 */
@Component
public class MusicnnDefinition implements ModelDefinition {

    @Override
    public ModelName name() {
        return ModelName.MUSICNN;
    }

    @Override
    public LoadedModel load(ModelLoadContext context) throws OrtException, ModelContractException {
        if (!MusicnnGraphs.MOODS.stream().map(MusicnnGraphs.MoodHead::label).toList().equals(MusicnnLabels.MOODS)) {
            throw new IllegalStateException("mood heads are not in MusicnnLabels.MOODS order");
        }
        String input = manifestTensor(context);
        OnnxSession embedding = context.openSession(MusicnnGraphs.EMBEDDING_FILE);
        embedding.requireInput(input, manifestShape(context));
        embedding.requireOutput(MusicnnGraphs.EMBEDDING_OUTPUT, -1, MusicnnGraphs.EMBEDDING_DIM);

        OnnxSession tags = context.openSession(MusicnnGraphs.TAGS_FILE);
        tags.requireInput(MusicnnGraphs.TAGS_INPUT, -1, MusicnnGraphs.EMBEDDING_DIM);
        tags.requireOutput(MusicnnGraphs.TAGS_OUTPUT, -1, MusicnnGraphs.TAG_COUNT);

        List<OnnxSession> moods = new ArrayList<>();
        for (MusicnnGraphs.MoodHead head : MusicnnGraphs.MOODS) {
            OnnxSession mood = context.openSession(head.file());
            mood.requireInput(MusicnnGraphs.MOOD_INPUT, -1, MusicnnGraphs.EMBEDDING_DIM);
            mood.requireOutput(MusicnnGraphs.MOOD_OUTPUT, -1, 2);
            moods.add(mood);
        }
        DynamicBatcher<float[], PatchOutput> batcher = context.batcher("patches",
                new MusicnnRunner(embedding, input, tags, moods));
        return new LoadedMusicnn(batcher);
    }

    private static String manifestTensor(ModelLoadContext context) throws ModelContractException {
        if (context.input().get("tensor") instanceof String tensor) {
            return tensor;
        }
        throw new ModelContractException("the manifest entry of musicnn has no input.tensor");
    }

    /** The manifest's {@code input.shape}, {@code "N"} (any name) meaning a dynamic axis. */
    private static long[] manifestShape(ModelLoadContext context) throws ModelContractException {
        if (!(context.input().get("shape") instanceof List<?> shape)) {
            throw new ModelContractException("the manifest entry of musicnn has no input.shape");
        }
        long[] dims = new long[shape.size()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = shape.get(i) instanceof Number n ? n.longValue() : -1;
        }
        if (dims.length != 3 || dims[1] != MusicnnMel.PATCH_FRAMES || dims[2] != MusicnnMel.BANDS) {
            throw new ModelContractException("the manifest's musicnn input.shape " + shape + " is not [N, "
                    + MusicnnMel.PATCH_FRAMES + ", " + MusicnnMel.BANDS + "], the mel patches this code makes");
        }
        return dims;
    }
}
