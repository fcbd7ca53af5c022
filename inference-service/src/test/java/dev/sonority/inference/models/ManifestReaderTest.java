package dev.sonority.inference.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonority.contract.models.ModelName;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestReaderTest {

    private final ManifestReader reader = new ManifestReader();

    private ModelManifest repositoryManifest() throws Exception {
        Path file = TestPaths.project().resolve("models/manifest.json");
        return reader.read(Files.newInputStream(file), file.toString());
    }

    @Test
    void repositoryManifestListsEveryDeepModelOnce() throws Exception {
        List<String> names = repositoryManifest().models().stream().map(ModelManifest.Entry::name).toList();
        // acoustic_features is computed by audio-core in the batch worker and has no weights.
        List<String> expected = ModelName.apiNames().stream().filter(n -> !n.equals("acoustic_features")).toList();
        assertThat(names).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void musicnnDigestsAndSizesMatchTheRealFilesInShared() throws Exception {
        ModelManifest.Entry musicnn = repositoryManifest().models().stream()
                .filter(e -> e.name().equals("musicnn")).findFirst().orElseThrow();
        assertThat(musicnn.files()).hasSize(8);
        Path shared = TestPaths.sharedMusicnn();
        for (ModelManifest.ModelFile file : musicnn.files()) {
            Path real = shared.resolve(file.path().substring("musicnn/".length()));
            byte[] bytes = Files.readAllBytes(real);
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            assertThat(file.sha256()).as(file.path()).isEqualTo(digest);
            assertThat(file.size()).as(file.path()).isEqualTo(bytes.length);
        }
        assertThat(musicnn.outputDims()).containsEntry("embedding", 200).containsEntry("tags", 50);
    }

    @Test
    void jarCarriesTheRepositoryManifestUnchanged() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(ManifestLocator.CLASSPATH_LOCATION)) {
            assertThat(in).as("classpath copy of models/manifest.json").isNotNull();
            assertThat(in.readAllBytes())
                    .isEqualTo(Files.readAllBytes(TestPaths.project().resolve("models/manifest.json")));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escape.onnx", "/abs/model.onnx", "musicnn/../../x.onnx", "./x.onnx", "a\\\\b.onnx", ""})
    void rejectsPathsThatAreNotPlainRelativePaths(String path) {
        String manifest = one("musicnn", "{\"path\":\"" + path + "\",\"sha256\":null,\"url\":null,\"size\":null}");
        assertThatThrownBy(() -> read(manifest)).isInstanceOf(ManifestException.class)
                .hasMessageContaining("test-manifest").hasMessageContaining("relative to MODELS_DIR");
    }

    @Test
    void rejectsUnknownNamesDuplicatesBadDigestsAndOtherFormatVersions() {
        String file = "{\"path\":\"m/a.onnx\",\"sha256\":null,\"url\":null,\"size\":1}";
        assertThatThrownBy(() -> read(one("vggish", file))).hasMessageContaining("unknown model name 'vggish'");
        assertThatThrownBy(() -> read("{\"format_version\":1,\"models\":[" + entry("clap", file) + ","
                + entry("clap", file) + "]}")).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> read(one("clap", "{\"path\":\"m/a.onnx\",\"sha256\":\"ABC\"}")))
                .hasMessageContaining("64 lower-case hex");
        assertThatThrownBy(() -> read("{\"format_version\":2,\"models\":[]}")).hasMessageContaining("format_version");
        assertThatThrownBy(() -> read("{\"format_version\":1,\"models\":[" + entry("clap", "") + "]}")).hasMessageContaining("lists no files");
        assertThatThrownBy(() -> read("{\"format_version\":1,")).isInstanceOf(ManifestException.class)
                .hasMessageContaining("not a readable manifest");
    }

    @Test
    void acceptsAMinimalValidManifest() {
        ModelManifest manifest = read(one("mert", "{\"path\":\"mert/m.onnx\",\"sha256\":null,\"url\":null,\"size\":5}"));
        assertThat(manifest.models()).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("mert");
            assertThat(e.files()).containsExactly(new ModelManifest.ModelFile("mert/m.onnx", null, null, 5L));
        });
    }

    @Test
    void ignoresFieldsItDoesNotKnowSoLaterManifestsStillRead() {
        String manifest = one("muq", "{\"path\":\"muq/m.onnx\",\"size\":7,\"mirror\":\"x\"}")
                .replace("\"format_version\":1,", "\"format_version\":1,\"generated_by\":\"tool\",");
        assertThat(read(manifest).models().getFirst().files().getFirst().size()).isEqualTo(7L);
    }

    private ModelManifest read(String json) {
        return reader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test-manifest");
    }

    private static String one(String name, String file) {
        return "{\"format_version\":1,\"models\":[" + entry(name, file) + "]}";
    }

    private static String entry(String name, String file) {
        return "{\"name\":\"" + name + "\",\"version\":\"1\",\"license\":\"x\",\"source\":\"y\",\"files\":[" + file
                + "],\"input\":{},\"output_dims\":{\"embedding\":3}}";
    }
}
