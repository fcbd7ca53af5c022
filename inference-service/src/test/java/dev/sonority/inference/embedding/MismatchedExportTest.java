package dev.sonority.inference.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonority.inference.clap.ClapDefinition;
import dev.sonority.inference.models.ModelRegistry;
import dev.sonority.inference.models.ModelState;
import dev.sonority.inference.muq.MuqDefinition;
import dev.sonority.inference.spi.AudioInput;
import dev.sonority.inference.spi.WindowSelection;
import dev.sonority.inference.testing.InferenceTestSupport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export with other tensor names or shapes than the contract (here MuQ's graph where CLAP's audio tower
 * belongs) marks only that model failed, with a reason naming the file and the tensor; the others still run.
 */
class MismatchedExportTest {

    @TempDir
    Path modelsDir;

    @Test
    void aGraphOfTheWrongShapeFailsOnlyItsModelWithTheReason() throws Exception {
        TestModels.assumePythonOnnx();
        TestModels.generate(modelsDir);
        Files.copy(modelsDir.resolve("muq/muq-large-msd-iter.onnx"), modelsDir.resolve("clap/clap_audio_model.onnx"),
                StandardCopyOption.REPLACE_EXISTING);
        try (ModelRegistry registry = InferenceTestSupport.registry(modelsDir,
                List.of(new ClapDefinition(), new MuqDefinition()), InferenceTestSupport.batching(4, 1),
                new SimpleMeterRegistry())) {
            assertThatThrownBy(() -> registry.acquire("clap").close()).isInstanceOf(RuntimeException.class);
            var clap = registry.model("clap");
            assertThat(clap.state()).isEqualTo(ModelState.FAILED);
            assertThat(clap.reason()).contains("clap/clap_audio_model.onnx").contains("'mel_spectrogram'");

            try (var lease = registry.acquire("muq")) {
                float[] samples = GeneratedModelsGoldenTest.signal(24_000, 2.0, 1);
                assertThat(lease.model().audio().orElseThrow()
                        .embed(new AudioInput(samples, 24_000, WindowSelection.all())).embedding()).hasSize(1024);
            }
        }
    }
}
