package dev.sonority.inference.musicnn;

import static dev.sonority.inference.testing.InferenceTestSupport.batching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sonority.audio.decode.AudioDecoder;
import dev.sonority.audio.decode.DecodeOptions;
import dev.sonority.contract.models.MusicnnLabels;
import dev.sonority.inference.models.ModelLease;
import dev.sonority.inference.models.ModelRegistry;
import dev.sonority.inference.spi.AudioEmbedding;
import dev.sonority.inference.spi.AudioInput;
import dev.sonority.inference.spi.WindowSelection;
import dev.sonority.inference.testing.InferenceTestSupport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole MusiCNN pipeline with the real weights against an independent numpy reference
 * (src/test/python/musicnn_reference.py: librosa's mel re-derived in numpy, the graphs evaluated by a numpy
 * interpreter, AudioMuse-AI's pooling), on a generated signal and on the real minuet.mp3.
 */
class MusicnnGoldenTest {

    private static ModelRegistry registry;

    @TempDir
    Path temp;

    @BeforeAll
    static void openRegistry() {
        registry = InferenceTestSupport.registry(InferenceTestSupport.sharedModels(), List.of(new MusicnnDefinition()),
                batching(8, 1), new SimpleMeterRegistry());
    }

    @AfterAll
    static void closeRegistry() {
        registry.close();
    }

    @Test
    void generatedSignalMatchesTheNumpyReference() throws Exception {
        // 10.3 s: three whole patches (561 of 641 frames) and a trailing partial patch that must be dropped
        float[] signal = tonesAndNoise(164_800, 7);
        compareWithReference(signal, 3);
    }

    @Test
    void minuetMatchesTheNumpyReference() throws Exception {
        float[] minuet = AudioDecoder.ffmpeg().decode(InferenceTestSupport.shared().resolve("audio/minuet.mp3"),
                DecodeOptions.of(MusicnnMel.SAMPLE_RATE)).samples();
        // 50.3 s at 16 kHz: 1 + (804 800 - 512) / 256 = 3142 frames, 16 whole patches
        compareWithReference(minuet, MusicnnMel.patchCount(minuet.length));
        assertThat(MusicnnMel.patchCount(minuet.length)).isBetween(16, 17);
    }

    private void compareWithReference(float[] signal, int expectedPatches) throws Exception {
        Path pcm = InferenceTestSupport.writePcm(temp, "signal.f32", signal);
        Path out = temp.resolve("reference.json");
        InferenceTestSupport.python("musicnn_reference.py", pcm.toString(),
                InferenceTestSupport.sharedModels().toString(), out.toString());
        JsonNode reference = JsonMapper.builder().build().readTree(Files.readString(out));

        assertThat(reference.get("frames").asInt()).isEqualTo(MusicnnMel.frameCount(signal.length));
        assertThat(reference.get("patches").asInt()).isEqualTo(expectedPatches);
        MusicnnMel mel = new MusicnnMel();
        assertClose(mel.patch(signal, 0), reference.get("first_patch"), 1e-5, "log-mel of patch 0");
        assertClose(mel.patch(signal, expectedPatches - 1), reference.get("last_patch"), 1e-5, "log-mel of last patch");

        AudioEmbedding result;
        try (ModelLease lease = registry.acquire("musicnn")) {
            result = lease.model().audio().orElseThrow()
                    .embed(new AudioInput(signal, MusicnnMel.SAMPLE_RATE, WindowSelection.all()));
        }
        assertThat(result.windows()).isEqualTo(expectedPatches);
        assertClose(result.embedding(), reference.get("embedding"), 1e-4, "embedding");
        assertClose(result.tags(), reference.get("tags"), 1e-5, "tags");
        assertClose(result.moods(), reference.get("moods"), 1e-5, "moods");
        assertThat(result.tagLabels()).isEqualTo(MusicnnLabels.TAGS);
        assertThat(result.moodLabels()).isEqualTo(MusicnnLabels.MOODS);
    }

    private static void assertClose(float[] actual, JsonNode expected, double tolerance, String what) {
        assertThat(actual).as(what + " length").hasSize(expected.size());
        double worst = 0;
        for (int i = 0; i < actual.length; i++) {
            worst = Math.max(worst, Math.abs(actual[i] - expected.get(i).asDouble()));
            assertThat((double) actual[i]).as(what + "[" + i + "]").isCloseTo(expected.get(i).asDouble(),
                    within(tolerance));
        }
        System.out.printf("%s: largest difference %.3g (tolerance %.1g)%n", what, worst, tolerance);
    }

    /** A chord with a pulsing partial and seeded noise. */
    static float[] tonesAndNoise(int samples, long seed) {
        Random random = new Random(seed);
        float[] out = new float[samples];
        for (int i = 0; i < samples; i++) {
            double t = i / (double) MusicnnMel.SAMPLE_RATE;
            double pulse = (t % 0.5) < 0.25 ? 1 : 0;
            out[i] = (float) (0.3 * Math.sin(2 * Math.PI * 220 * t) + 0.2 * Math.sin(2 * Math.PI * 329.63 * t)
                    + 0.15 * pulse * Math.sin(2 * Math.PI * 1234.5 * t) + 0.05 * random.nextGaussian());
        }
        return out;
    }
}
