package dev.sonority.inference.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.sonority.inference.embedding.TestModels;
import dev.sonority.inference.models.ModelManifest;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A graph whose weights live in an external {@code .onnx.data} file (as MuQ-MuLan's release files keep them),
 * downloaded like any model file: it lands beside its graph and ONNX Runtime, which resolves external data
 * relative to the graph's folder, loads it and computes what the generated original computes.
 */
class ExternalDataDownloadTest {

    private static final String GRAPH = "mulan_audio_encoder.onnx";

    @TempDir
    Path generated;

    @TempDir
    Path modelsDir;

    @Test
    void aGraphAndItsExternalDataLandSideBySideAndLoad() throws Exception {
        TestModels.assumePythonOnnx();
        TestModels.generate(generated);
        Path source = generated.resolve("muq_mulan");
        assertThat(Files.size(source.resolve(GRAPH + ".data"))).isGreaterThan(Files.size(source.resolve(GRAPH)));
        try (RangeFileServer server = new RangeFileServer()) {
            server.put("/" + GRAPH, Files.readAllBytes(source.resolve(GRAPH)));
            server.put("/" + GRAPH + ".data", Files.readAllBytes(source.resolve(GRAPH + ".data")));
            var entry = new ModelManifest.Entry("muq_mulan", "1", "l", "s", List.of(
                    new ModelManifest.ModelFile("muq_mulan/" + GRAPH, null, server.uri("/" + GRAPH).toString(), null),
                    new ModelManifest.ModelFile("muq_mulan/" + GRAPH + ".data", null,
                            server.uri("/" + GRAPH + ".data").toString(), null)), null, null);
            ModelDownloader.overHttp(Duration.ofSeconds(5), Duration.ofSeconds(5), 2)
                    .install(entry, modelsDir, DownloadProgress.NONE);
        }
        Path installed = modelsDir.resolve("muq_mulan").resolve(GRAPH);
        assertThat(installed.resolveSibling(GRAPH + ".data")).exists();

        assertThat(run(installed)).containsExactly(run(source.resolve(GRAPH)));

        // the weights really are outside the graph: without its .data file the graph does not load
        Files.delete(installed.resolveSibling(GRAPH + ".data"));
        assertThatThrownBy(() -> run(installed)).isInstanceOf(OrtException.class);
    }

    private static float[] run(Path graph) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(graph.toString(), new OrtSession.SessionOptions())) {
            String input = session.getInputNames().iterator().next();
            float[] samples = new float[24_000 * 10]; // the graph takes exactly 10 s at 24 kHz
            for (int i = 0; i < samples.length; i++) {
                samples[i] = (float) Math.sin(i * 0.031) * 0.5f;
            }
            try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(samples),
                    new long[] {1, samples.length}); OrtSession.Result result = session.run(Map.of(input, tensor))) {
                return ((float[][]) result.get(0).getValue())[0];
            }
        }
    }
}
