package dev.sonority.inference.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sonority.inference.batching.BatchSettings;
import dev.sonority.inference.models.ModelCatalog;
import dev.sonority.inference.models.ModelRegistry;
import dev.sonority.inference.runtime.OnnxRuntime;
import dev.sonority.inference.runtime.RuntimeProperties;
import dev.sonority.inference.spi.ModelDefinition;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Paths of the real weights and the reference scripts, registries over them, PCM files for the reference. */
public final class InferenceTestSupport {

    private InferenceTestSupport() {
    }

    public static Path project() {
        return dir("sonority.project.dir", "the repository root");
    }

    public static Path shared() {
        return dir("sonority.shared.dir", "../shared (real model weights)");
    }

    /** ../shared/models: a MODELS_DIR holding the real MusiCNN files (and no manifest.json of its own). */
    public static Path sharedModels() {
        return shared().resolve("models");
    }

    /** A registry over {@code modelsDir} with CPU sessions, as the application builds it. */
    public static ModelRegistry registry(Path modelsDir, List<ModelDefinition> definitions, BatchSettings batching,
            MeterRegistry meters) {
        Path root = modelsDir.toAbsolutePath().normalize();
        return new ModelRegistry(ModelCatalog.fromDirectory(() -> root), definitions,
                new OnnxRuntime(new RuntimeProperties("cpu", 0, 0, 0)), batching, meters, Duration.ZERO);
    }

    public static BatchSettings batching(int max, int waitMillis) {
        return new BatchSettings(max, Duration.ofMillis(waitMillis));
    }

    public static byte[] littleEndian(float[] samples) {
        ByteBuffer bytes = ByteBuffer.allocate(samples.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(samples);
        return bytes.array();
    }

    public static Path writePcm(Path dir, String name, float[] samples) throws IOException {
        return Files.write(dir.resolve(name), littleEndian(samples));
    }

    /** Runs a script of src/test/python with Debian's python3 (numpy, onnx) and fails with its output if it fails. */
    public static void python(String script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3",
                project().resolve("inference-service/src/test/python/" + script).toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), script + " timed out");
        assertTrue(process.exitValue() == 0, script + " failed: " + output);
    }

    private static Path dir(String property, String what) {
        String value = System.getProperty(property);
        assertTrue(value != null && Files.isDirectory(Path.of(value)),
                "system property " + property + " must name " + what + ", got " + value + " (run through ./mvnw)");
        return Path.of(value).toAbsolutePath().normalize();
    }
}
