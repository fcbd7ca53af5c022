package dev.sonority.inference.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtSession;
import dev.sonority.inference.testing.InferenceTestSupport;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions on a generated graph ({@code tiny_audio.onnx}: 2 x + 1) through the CPU build of ONNX Runtime. */
class OnnxRuntimeTest {

    @TempDir
    Path dir;

    private Path tiny() throws Exception {
        InferenceTestSupport.python("make_test_models.py", dir.toString());
        return dir.resolve("tiny_audio.onnx");
    }

    @Test
    void cudaOnTheCpuBuildFallsBackToTheCpuAndSaysWhy() throws Exception {
        OnnxRuntime runtime = new OnnxRuntime(new RuntimeProperties("cuda", 0, 1, 1));
        try (OnnxSession session = runtime.open(tiny(), "test/tiny_audio.onnx")) {
            assertThat(session.provider()).isEqualTo(ExecutionProvider.CPU);
            assertThat(session.providerNote()).startsWith("cuda requested but could not be used (")
                    .endsWith("); running on the CPU");
            assertThat(run(session, Placement.PREFERRED)).containsExactly(1, 3, 5, 7);
            assertThat(run(session, Placement.CPU)).containsExactly(1, 3, 5, 7); // the same session: it is on the CPU
        }
    }

    @Test
    void cpuIsTheDefaultWithoutANote() throws Exception {
        OnnxRuntime runtime = new OnnxRuntime(new RuntimeProperties("cpu", 0, 0, 0));
        try (OnnxSession session = runtime.open(tiny(), "tiny")) {
            assertThat(session.provider()).isEqualTo(ExecutionProvider.CPU);
            assertThat(session.providerNote()).isNull();
            assertThat(session.memoryBytes()).isGreaterThanOrEqualTo(155); // at least the file
        }
    }

    @Test
    void contractChecksNameAndShape() throws Exception {
        OnnxRuntime runtime = new OnnxRuntime(new RuntimeProperties("cpu", 0, 0, 0));
        try (OnnxSession session = runtime.open(tiny(), "tiny")) {
            session.requireInput("audio", -1, 4);
            session.requireOutput("embedding", 7, 4); // a dynamic axis accepts any size
            assertThatThrownBy(() -> session.requireInput("audio", -1, 5)).isInstanceOf(ModelContractException.class)
                    .hasMessage("tiny: input 'audio' has shape [-1, 4], the manifest's contract is [-1, 5] (-1 = any size)");
            assertThatThrownBy(() -> session.requireInput("waveform", -1, 4))
                    .hasMessageContaining("has no input 'waveform' (it has [audio])");
            assertThatThrownBy(() -> session.requireOutput("embedding", -1, 4, 1)).hasMessageContaining("[-1, 4, 1]");
        }
    }

    @Test
    void unknownProviderNamesAreRejectedAtStart() {
        assertThatThrownBy(() -> new RuntimeProperties("tpu", 0, 0, 0))
                .hasMessage("INFERENCE_PROVIDER must be cpu, cuda or rocm, was 'tpu'");
        assertThat(ExecutionProvider.parse(" ROCm ")).isEqualTo(ExecutionProvider.ROCM);
    }

    private static float[] run(OnnxSession session, Placement placement) throws Exception {
        try (OnnxTensor x = OnnxTensor.createTensor(session.environment(), FloatBuffer.wrap(new float[] {0, 1, 2, 3}),
                new long[] {1, 4}); OrtSession.Result result = session.run(Map.of("audio", x), placement)) {
            return ((float[][]) result.get(0).getValue())[0];
        }
    }
}
