package dev.sonority.inference.embedding;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sonority.inference.testing.InferenceTestSupport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * models/test_models.py through Debian's python3: generates the stand-in ONNX graphs and computes the numpy
 * reference. Tests are skipped (with the reason) only where that python has no onnx module.
 */
public final class TestModels {

    static final String PYTHON = "/usr/bin/python3";

    private TestModels() {
    }

    /** Skips the calling test class when python3-onnx is missing (CI installs it: .ci/run). */
    public static void assumePythonOnnx() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(PYTHON, "-c", "import onnx, numpy").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        Assumptions.assumeTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0,
                "skipped: " + PYTHON + " cannot import onnx and numpy (apt-get install -y python3-onnx): " + out);
    }

    /** Writes every stand-in model into {@code modelsDir/<model>/}. */
    public static void generate(Path modelsDir) throws IOException, InterruptedException {
        run("generate", modelsDir.toString());
    }

    /** The reference embedding of {@code samples} for {@code model}; {@code windows} 0 = all. */
    public static float[] reference(Path temp, String model, float[] samples, int windows)
            throws IOException, InterruptedException {
        Path pcm = InferenceTestSupport.writePcm(temp, model + "-in.f32", samples);
        Path out = temp.resolve(model + "-out.f32");
        List<String> args = new ArrayList<>(List.of("reference", model, pcm.toString(), out.toString()));
        if (windows > 0) {
            args.addAll(List.of("--windows", Integer.toString(windows)));
        }
        run(args.toArray(String[]::new));
        return floats(out);
    }

    /** The reference text embeddings (own BPE tokenizer in python, numpy graph). */
    public static float[][] textReference(Path temp, String model, List<String> texts, int dim)
            throws IOException, InterruptedException {
        Path in = temp.resolve(model + "-texts.json");
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < texts.size(); i++) {
            json.append(i == 0 ? "" : ",").append('"').append(texts.get(i).replace("\"", "\\\"")).append('"');
        }
        Files.writeString(in, json.append(']').toString());
        Path out = temp.resolve(model + "-texts.f32");
        run("text-reference", model, in.toString(), out.toString());
        float[] all = floats(out);
        float[][] rows = new float[texts.size()][dim];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(all, i * dim, rows[i], 0, dim);
        }
        return rows;
    }

    /** CLAP's log-mel of one window, from librosa's formulas in numpy ({@code [frames][64]} flattened). */
    public static float[] clapMel(Path temp, float[] window) throws IOException, InterruptedException {
        Path in = InferenceTestSupport.writePcm(temp, "clap-window.f32", window);
        Path out = temp.resolve("clap-mel.f32");
        run("clap-mel", in.toString(), out.toString());
        return floats(out);
    }

    /** The test tokenizer's ids as the python BPE computes them. */
    public static String tokenize(String text) throws IOException, InterruptedException {
        return run("tokenize", text).strip();
    }

    private static float[] floats(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[bytes.remaining() / 4];
        bytes.asFloatBuffer().get(out);
        return out;
    }

    private static String run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PYTHON,
                InferenceTestSupport.project().resolve("models/test_models.py").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "test_models.py timed out");
        assertTrue(process.exitValue() == 0, "test_models.py " + args[0] + " failed: " + output);
        return output;
    }
}
