package dev.sonority.inference.musicnn;

import dev.sonority.contract.models.MusicnnLabels;
import dev.sonority.inference.batching.DynamicBatcher;
import dev.sonority.inference.spi.AudioEmbedder;
import dev.sonority.inference.spi.AudioEmbedding;
import dev.sonority.inference.spi.AudioInput;
import dev.sonority.inference.spi.InvalidInputException;
import dev.sonority.inference.spi.LoadedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** MusiCNN ready to run: mel patches of the chosen windows through the shared batcher, then pooling. */
final class LoadedMusicnn implements LoadedModel, AudioEmbedder {

    private final DynamicBatcher<float[], PatchOutput> batcher;

    LoadedMusicnn(DynamicBatcher<float[], PatchOutput> batcher) {
        this.batcher = batcher;
    }

    @Override
    public Optional<AudioEmbedder> audio() {
        return Optional.of(this);
    }

    @Override
    public AudioEmbedding embed(AudioInput input) {
        float[] samples = input.samples();
        int available = MusicnnMel.patchCount(samples.length);
        if (available == 0) {
            throw new InvalidInputException(String.format(Locale.ROOT,
                    "musicnn needs at least %d samples (%.3f s at %d Hz) for one patch of %d mel frames; got %d"
                            + " samples (%.3f s)", MusicnnMel.MIN_SAMPLES,
                    MusicnnMel.MIN_SAMPLES / (double) MusicnnMel.SAMPLE_RATE, MusicnnMel.SAMPLE_RATE,
                    MusicnnMel.PATCH_FRAMES, samples.length, input.durationSeconds()));
        }
        int[] picked = input.windows().pick(available);
        MusicnnMel mel = new MusicnnMel();
        List<float[]> patches = new ArrayList<>(picked.length);
        for (int p : picked) {
            patches.add(mel.patch(samples, p));
        }
        List<PatchOutput> outputs = batcher.submit(patches);
        return new AudioEmbedding(MusicnnPooling.embedding(outputs), picked.length, MusicnnPooling.tags(outputs),
                MusicnnLabels.TAGS, MusicnnPooling.moods(outputs), MusicnnLabels.MOODS);
    }
}
