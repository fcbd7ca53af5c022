package dev.sonority.inference.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sonority.inference.clap.ClapDefinition;
import dev.sonority.inference.mert.MertDefinition;
import dev.sonority.inference.models.ModelLease;
import dev.sonority.inference.models.ModelRegistry;
import dev.sonority.inference.muq.MuqDefinition;
import dev.sonority.inference.muq.MuqMulanDefinition;
import dev.sonority.inference.spi.AudioEmbedding;
import dev.sonority.inference.spi.AudioInput;
import dev.sonority.inference.spi.InvalidInputException;
import dev.sonority.inference.spi.WindowSelection;
import dev.sonority.inference.testing.InferenceTestSupport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * clap, mert, muq and muq_mulan end to end (registry, ONNX Runtime, batching, preprocessing, pooling,
 * normalisation) on the stand-in graphs of models/test_models.py, each result against that script's numpy
 * reference of the whole pipeline (mel from the librosa formulas, window placement, per-window normalisation,
 * the graph's arithmetic, pooling).
 */
class GeneratedModelsGoldenTest {

    @TempDir
    static Path modelsDir;

    @TempDir
    Path temp;

    private static ModelRegistry registry;

    @BeforeAll
    static void generate() throws Exception {
        TestModels.assumePythonOnnx();
        TestModels.generate(modelsDir);
        registry = InferenceTestSupport.registry(modelsDir, List.of(new ClapDefinition(), new MertDefinition(),
                new MuqDefinition(), new MuqMulanDefinition()), InferenceTestSupport.batching(8, 2),
                new SimpleMeterRegistry());
    }

    @AfterAll
    static void close() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void clapWindowsEvery5sPlusOneAtTheEndMatchTheReference() throws Exception {
        // 23.7 s: windows at 0, 5, 10 s and one ending at 23.7 s
        compare("clap", signal(48_000, 23.7, 1), 48_000, 0, 4, 2e-5);
    }

    @Test
    void clapRepeatsTheFinalWindowWhenTheTrackEndsOnAHop() throws Exception {
        // 20 s: full windows at 0, 5, 10 s, and AudioMuse-AI appends the final 10 s (again from 10 s) all the same
        compare("clap", signal(48_000, 20.0, 10), 48_000, 0, 4, 2e-5);
    }

    @Test
    void clapClipsLoudAudioAndQuantisesItToInt16First() throws Exception {
        float[] loud = signal(48_000, 12.5, 11);
        for (int i = 0; i < loud.length; i++) {
            loud[i] *= 4; // peaks well beyond ±1: clipped before the int16 round trip
        }
        compare("clap", loud, 48_000, 0, 2, 2e-5);
    }

    @Test
    void clapZeroPadsAShortClipToOneWindow() throws Exception {
        compare("clap", signal(48_000, 3.2, 2), 48_000, 0, 1, 2e-5);
    }

    @Test
    void clapRunsTwoWindowsSpreadOverTheTrackWhenAsked() throws Exception {
        compare("clap", signal(48_000, 41.0, 3), 48_000, 2, 2, 2e-5);
    }

    @Test
    void mertMeansLayers12To15OverTimeAndWindows() throws Exception {
        compare("mert", signal(24_000, 23.7, 4), 24_000, 0, 3, 2e-5);
        compare("mert", signal(24_000, 3.5, 5), 24_000, 0, 1, 2e-5);
    }

    @Test
    void muqAndMulanMatchTheReference() throws Exception {
        compare("muq", signal(24_000, 31.0, 6), 24_000, 0, 4, 2e-5);
        compare("muq", signal(24_000, 31.0, 6), 24_000, 3, 3, 2e-5);
        // 17.2 s: windows at 0, 5, 10 s (the last zero-padded), ceil((17.2 - 10) / 5) + 1 = 3
        compare("muq_mulan", signal(24_000, 17.2, 7), 24_000, 0, 3, 2e-5);
        compare("muq_mulan", signal(24_000, 3.5, 12), 24_000, 0, 1, 2e-5); // zero-padded to 10 s
        compare("muq_mulan", signal(24_000, 40.0, 13), 24_000, 2, 2, 2e-5);
    }

    @Test
    void audioShorterThanOneSecondIsRefusedByTheWaveformModels() {
        assertThatThrownBy(() -> embed("mert", new float[12_000], 24_000, 0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("the audio is 0.500 s long; this model needs at least 1.000 s");
    }

    @Test
    void concurrentTracksOfDifferentLengthsAreBatchedWithoutMixingUp() throws Exception {
        float[] a = signal(24_000, 12.0, 8);
        float[] b = signal(24_000, 4.0, 9);
        float[] soloA = embed("muq", a, 24_000, 0).embedding();
        float[] soloB = embed("muq", b, 24_000, 0).embedding();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<float[]>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                float[] track = i % 2 == 0 ? a : b;
                futures.add(pool.submit((Callable<float[]>) () -> embed("muq", track, 24_000, 0).embedding()));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertClose(futures.get(i).get(), i % 2 == 0 ? soloA : soloB, 1e-6, "concurrent " + i);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void clapAndMulanTextTowersMatchTheReferenceAndItsTokenizer() throws Exception {
        List<String> texts = List.of("rock jazz", "calm piano music xyz", "sad guitar " + "happy ".repeat(120));
        for (String model : List.of("clap", "muq_mulan")) {
            float[][] expected = TestModels.textReference(temp, model, texts, 512);
            float[][] actual;
            try (ModelLease lease = registry.acquire(model)) {
                actual = lease.model().text().orElseThrow().embed(texts);
            }
            for (int i = 0; i < texts.size(); i++) {
                assertClose(actual[i], expected[i], 2e-5, model + " text " + i);
            }
        }
        assertThat(TestModels.tokenize("rock jazz")).isEqualTo("[0, 262, 224, 269, 2]");
    }

    private void compare(String model, float[] samples, int rate, int windows, int expectedWindows, double tolerance)
            throws Exception {
        AudioEmbedding result = embed(model, samples, rate, windows);
        float[] expected = TestModels.reference(temp, model, samples, windows);
        assertThat(result.windows()).as(model + " windows").isEqualTo(expectedWindows);
        assertClose(result.embedding(), expected, tolerance, model);
        double norm = 0;
        for (float v : result.embedding()) {
            norm += v * v;
        }
        assertThat(Math.sqrt(norm)).isCloseTo(1.0, within(1e-5));
    }

    private static AudioEmbedding embed(String model, float[] samples, int rate, int windows) {
        try (ModelLease lease = registry.acquire(model)) {
            return lease.model().audio().orElseThrow().embed(new AudioInput(samples, rate,
                    windows == 0 ? WindowSelection.all() : new WindowSelection(windows)));
        }
    }

    static void assertClose(float[] actual, float[] expected, double tolerance, String what) {
        assertThat(actual).as(what + " length").hasSize(expected.length);
        double worst = 0;
        for (int i = 0; i < actual.length; i++) {
            worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
        }
        assertThat(worst).as(what + ": largest difference from the reference").isLessThanOrEqualTo(tolerance);
    }

    /** Tones that change every second, plus seeded noise: windows differ, so placement matters. */
    static float[] signal(int rate, double seconds, long seed) {
        Random random = new Random(seed);
        float[] out = new float[(int) Math.round(rate * seconds)];
        for (int i = 0; i < out.length; i++) {
            double t = i / (double) rate;
            double f = 110 * (1 + ((int) t % 7));
            out[i] = (float) (0.3 * Math.sin(2 * Math.PI * f * t) + 0.1 * Math.sin(2 * Math.PI * 3 * f * t)
                    + 0.05 * random.nextGaussian());
        }
        return out;
    }
}
