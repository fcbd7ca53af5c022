package dev.sonority.inference.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sonority.inference.SonorityInferenceApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A broken MODELS_DIR/manifest.json stops the real application, and the failure analyzer explains it. */
class ManifestStartupFailureTest {

    @Test
    void brokenManifestInModelsDirFailsStartupWithDescriptionAndAction(@TempDir Path modelsDir) throws Exception {
        Path manifest = Files.writeString(modelsDir.resolve("manifest.json"),
                "{\"format_version\":1,\"models\":[{\"name\":\"not_a_model\",\"files\":[]}]}");

        Throwable failure = catchThrowable(() -> SpringApplication.run(SonorityInferenceApplication.class,
                "--server.port=0", "--MODELS_DIR=" + modelsDir, "--spring.main.banner-mode=off").close());

        assertThat(failure).isNotNull();
        FailureAnalysis analysis = new ManifestFailureAnalyzer().analyze(failure);
        assertThat(analysis).as("analysis of " + failure).isNotNull();
        assertThat(analysis.getDescription()).contains(manifest.toString()).contains("unknown model name 'not_a_model'");
        assertThat(analysis.getAction()).contains("models/README.md").contains("MODELS_DIR");
    }
}
