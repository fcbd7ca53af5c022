package dev.sonority.inference.models;

import static dev.sonority.inference.testing.InferenceTestSupport.batching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.sonority.contract.models.ModelName;
import dev.sonority.inference.musicnn.MusicnnDefinition;
import dev.sonority.inference.runtime.ExecutionProvider;
import dev.sonority.inference.runtime.OnnxRuntime;
import dev.sonority.inference.runtime.RuntimeProperties;
import dev.sonority.inference.spi.AudioInput;
import dev.sonority.inference.spi.ModelDefinition;
import dev.sonority.inference.spi.WindowSelection;
import dev.sonority.inference.testing.InferenceTestSupport;
import dev.sonority.inference.testing.TinyAudioDefinition;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The registry's states with the real MusiCNN files and generated graphs in a temporary MODELS_DIR: a corrupt
 * file or a graph of another input shape marks only that model failed, with the reason; replacing the files
 * clears it; idle models are unloaded.
 */
class ModelRegistryTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path modelsDir;

    @BeforeEach
    void installModels() throws Exception {
        Path musicnn = Files.createDirectories(modelsDir.resolve("musicnn"));
        try (Stream<Path> files = Files.list(InferenceTestSupport.sharedModels().resolve("musicnn"))) {
            for (Path file : files.toList()) {
                Files.copy(file, musicnn.resolve(file.getFileName().toString()));
            }
        }
        Path generated = Files.createDirectories(modelsDir.resolve("generated"));
        InferenceTestSupport.python("make_test_models.py", generated.toString());
        Files.createDirectories(modelsDir.resolve("muq"));
        Files.move(generated.resolve("tiny_audio.onnx"), modelsDir.resolve("muq/tiny_audio.onnx"));
    }

    private ModelRegistry registry(Duration idleUnload) throws Exception {
        writeManifest();
        List<ModelDefinition> definitions = List.of(new MusicnnDefinition(),
                new TinyAudioDefinition(ModelName.MUQ, "muq/tiny_audio.onnx"));
        return new ModelRegistry(ModelCatalog.fromDirectory(() -> modelsDir), definitions,
                new OnnxRuntime(
                        new RuntimeProperties("cpu", 0, 0, 0)),
                batching(8, 1), new SimpleMeterRegistry(), idleUnload);
    }

    /** The repository's musicnn entry plus a muq entry for the tiny graph, both with their real digests. */
    private void writeManifest() throws Exception {
        ObjectNode repository = (ObjectNode) JSON.readTree(
                InferenceTestSupport.project().resolve("models/manifest.json").toFile());
        ArrayNode models = JSON.createArrayNode();
        repository.get("models").valueStream().filter(m -> m.get("name").asString().equals("musicnn"))
                .forEach(models::add);
        Path tiny = modelsDir.resolve("muq/tiny_audio.onnx");
        ObjectNode muq = JSON.createObjectNode().put("name", "muq").put("version", "tiny").put("license", "test")
                .put("source", "make_test_models.py");
        muq.putArray("files").addObject().put("path", "muq/tiny_audio.onnx")
                .put("sha256", ModelFileVerifier.sha256(tiny)).put("size", Files.size(tiny));
        muq.putObject("input").put("sample_rate", 24000);
        muq.putObject("output_dims").put("embedding", 4);
        models.add(muq);
        repository.set("models", models);
        Files.writeString(modelsDir.resolve("manifest.json"), JSON.writeValueAsString(repository));
    }

    @Test
    void realMusicnnLoadsOnFirstUseOnTheCpuAndReportsMemory() throws Exception {
        try (ModelRegistry registry = registry(Duration.ZERO)) {
            assertThat(registry.model("musicnn").state()).isEqualTo(ModelState.INSTALLED);
            try (ModelLease lease = registry.acquire("musicnn")) {
                assertThat(lease.model().audio()).isPresent();
            }
            ModelStatus loaded = registry.model("musicnn");
            assertThat(loaded.state()).isEqualTo(ModelState.LOADED);
            assertThat(loaded.provider()).isEqualTo(ExecutionProvider.CPU);
            assertThat(loaded.providerNote()).isNull();
            // at least the eight files' size (3.1 MB embedding graph and seven small heads)
            assertThat(loaded.memoryBytes()).isGreaterThanOrEqualTo(3_125_573L + 43_500 + 6 * 82_000);
            assertThat(loaded.kind()).isEqualTo("audio");
            assertThat(loaded.dim()).isEqualTo(200);
            assertThat(loaded.sampleRate()).isEqualTo(16000);
        }
    }

    @Test
    void corruptFileFailsOnlyThatModelUntilTheFileIsReplaced() throws Exception {
        Path head = modelsDir.resolve("musicnn/mood_sad-msd-musicnn-1.onnx");
        byte[] bytes = Files.readAllBytes(head);
        bytes[bytes.length / 2] ^= 0x5a; // same size, so only the sha256 can tell
        Files.write(head, bytes);
        try (ModelRegistry registry = registry(Duration.ZERO)) {
            assertThatThrownBy(() -> registry.acquire("musicnn")).isInstanceOf(ModelRequestException.Unavailable.class)
                    .hasMessageContaining("musicnn/mood_sad-msd-musicnn-1.onnx is corrupt or another version")
                    .hasMessageContaining("d128e97fb728972d7d827b781acb28d71ac3dcb37b4d4afd83a812f16a1b262d");
            ModelStatus failed = registry.model("musicnn");
            assertThat(failed.state()).isEqualTo(ModelState.FAILED);
            assertThat(failed.reason()).contains("sha256");

            try (ModelLease tiny = registry.acquire("muq")) { // the other model keeps working
                float[] embedding = tiny.model().audio().orElseThrow().embed(new AudioInput(
                        new float[] {0, 1, -1, 0.5f, 9}, 24000, WindowSelection.all())).embedding();
                assertThat(embedding).containsExactly(1, 3, -1, 2);
            }
            assertThat(registry.model("muq").state()).isEqualTo(ModelState.LOADED);

            Files.copy(InferenceTestSupport.sharedModels().resolve("musicnn/mood_sad-msd-musicnn-1.onnx"), head,
                    StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(head, FileTime.fromMillis(System.currentTimeMillis() + 5000));
            assertThat(registry.model("musicnn").state()).isEqualTo(ModelState.INSTALLED);
            try (ModelLease lease = registry.acquire("musicnn")) {
                assertThat(lease.model().audio()).isPresent();
            }
        }
    }

    @Test
    void graphWithAnotherInputShapeThanTheManifestContractFails() throws Exception {
        Files.move(modelsDir.resolve("generated/wrong_shape_musicnn.onnx"),
                modelsDir.resolve("musicnn/msd-musicnn-1.onnx"), StandardCopyOption.REPLACE_EXISTING);
        writeManifest();
        // the manifest carries the digest of this file, so the sha256 check passes and the shape check must catch it
        String manifest = Files.readString(modelsDir.resolve("manifest.json")).replace(
                "e9347e05e34e203ee09684cd2cc7b077e84042766fcd908a46abc73bc62a8d97",
                ModelFileVerifier.sha256(modelsDir.resolve("musicnn/msd-musicnn-1.onnx")))
                .replace("3125573", Long.toString(Files.size(modelsDir.resolve("musicnn/msd-musicnn-1.onnx"))));
        Files.writeString(modelsDir.resolve("manifest.json"), manifest);
        List<ModelDefinition> definitions = List.of(new MusicnnDefinition(),
                new TinyAudioDefinition(ModelName.MUQ, "muq/tiny_audio.onnx"));
        try (ModelRegistry registry = new ModelRegistry(ModelCatalog.fromDirectory(() -> modelsDir), definitions,
                new OnnxRuntime(
                        new RuntimeProperties("cpu", 0, 0, 0)),
                batching(8, 1), new SimpleMeterRegistry(), Duration.ZERO)) {
            assertThatThrownBy(() -> registry.acquire("musicnn")).isInstanceOf(ModelRequestException.Unavailable.class)
                    .hasMessageContaining("musicnn/msd-musicnn-1.onnx: input 'model/Placeholder:0' has shape"
                            + " [-1, 100, 96], the manifest's contract is [-1, 187, 96]");
            assertThat(registry.model("musicnn").state()).isEqualTo(ModelState.FAILED);
            try (ModelLease tiny = registry.acquire("muq")) {
                assertThat(tiny.model().audio()).isPresent();
            }
        }
    }

    @Test
    void idleModelIsUnloadedButNotWhileARequestHoldsIt() throws Exception {
        try (ModelRegistry registry = registry(Duration.ofMillis(300))) {
            try (ModelLease held = registry.acquire("muq")) {
                // four idle timeouts pass while the request holds it: it stays loaded throughout
                await().during(Duration.ofMillis(1200)).atMost(Duration.ofSeconds(10))
                        .until(() -> registry.model("muq").state() == ModelState.LOADED);
                assertThat(registry.model("muq").state()).isEqualTo(ModelState.LOADED);
            }
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> registry.model("muq").state() != ModelState.LOADED);
            assertThat(registry.model("muq").state()).isEqualTo(ModelState.INSTALLED);
            try (ModelLease again = registry.acquire("muq")) { // and loads again on the next request
                assertThat(registry.model("muq").state()).isEqualTo(ModelState.LOADED);
            }
        }
    }

    @Test
    void filesInstalledEventUnloadsOnlyOnceTheLastRequestEnds() throws Exception {
        try (ModelRegistry registry = registry(Duration.ZERO)) {
            ModelLease held = registry.acquire("muq");
            registry.onFilesInstalled(new ModelFilesInstalledEvent("muq"));
            assertThat(registry.model("muq").state()).isEqualTo(ModelState.LOADED); // a request still runs on it
            float[] embedding = held.model().audio().orElseThrow()
                    .embed(new AudioInput(new float[] {1, 1, 1, 1}, 24000, WindowSelection.all())).embedding();
            assertThat(embedding).containsExactly(3, 3, 3, 3);
            held.close();
            assertThat(registry.model("muq").state()).isEqualTo(ModelState.INSTALLED);
            registry.onFilesInstalled(new ModelFilesInstalledEvent("not_in_this_manifest")); // ignored
        }
    }

    @Test
    void missingFilesAreNotInstalledWithTheInstallCommand() throws Exception {
        Files.delete(modelsDir.resolve("musicnn/mood_happy-msd-musicnn-1.onnx"));
        try (ModelRegistry registry = registry(Duration.ZERO)) {
            assertThatThrownBy(() -> registry.acquire("musicnn"))
                    .isInstanceOfSatisfying(ModelRequestException.NotInstalled.class,
                            e -> assertThat(e.install()).isEqualTo("./sonority models pull musicnn"))
                    .hasMessageContaining("musicnn/mood_happy-msd-musicnn-1.onnx (missing)");
            assertThat(registry.model("musicnn").state()).isEqualTo(ModelState.NOT_INSTALLED);
            assertThatThrownBy(() -> registry.acquire("vggish")).isInstanceOf(ModelRequestException.Unknown.class);
        }
    }
}
