package dev.sonority.inference.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.inference.models.ModelRegistry;
import dev.sonority.inference.muq.MuqMulanDefinition;
import dev.sonority.inference.spi.AudioInput;
import dev.sonority.inference.spi.WindowSelection;
import dev.sonority.inference.testing.InferenceTestSupport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MuQ-MuLan as the release installs it: the tokenizer archive unpacks to sentencepiece files only, with no
 * tokenizer.json. The audio tower still loads and embeds; the model simply has no text tower.
 */
class MulanWithoutTokenizerJsonTest {

    @TempDir
    Path modelsDir;

    @Test
    void theAudioTowerWorksAndTheTextTowerIsAbsent() throws Exception {
        TestModels.assumePythonOnnx();
        TestModels.generate(modelsDir);
        Files.delete(modelsDir.resolve("muq_mulan/mulan_tokenizer/tokenizer.json"));
        try (ModelRegistry registry = InferenceTestSupport.registry(modelsDir, List.of(new MuqMulanDefinition()),
                InferenceTestSupport.batching(4, 1), new SimpleMeterRegistry());
                var lease = registry.acquire("muq_mulan")) {
            assertThat(lease.model().text()).isEmpty();
            float[] samples = GeneratedModelsGoldenTest.signal(24_000, 12.0, 3);
            var embedding = lease.model().audio().orElseThrow()
                    .embed(new AudioInput(samples, 24_000, WindowSelection.all()));
            assertThat(embedding.embedding()).hasSize(512);
            assertThat(embedding.windows()).isEqualTo(2); // 12 s: windows at 0 and 5 s, the second zero-padded
        }
    }
}
