package dev.sonority.audio.dsp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the reference values that {@code src/test/resources/dsp/reference.py} (numpy/scipy, written from the
 * librosa 0.10 definitions) produced: TSV lines {@code name rows cols values...}, and its float32 signals.
 */
final class Golden {

    record Matrix(int rows, int cols, double[] values) {
        double at(int row, int col) {
            return values[row * cols + col];
        }

        double[] row(int row) {
            double[] out = new double[cols];
            System.arraycopy(values, row * cols, out, 0, cols);
            return out;
        }
    }

    private final Map<String, Matrix> tables = new LinkedHashMap<>();

    private Golden(String text) {
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\t");
            int rows = Integer.parseInt(parts[1]);
            int cols = Integer.parseInt(parts[2]);
            String[] numbers = parts[3].split(" ");
            double[] values = new double[numbers.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = Double.parseDouble(numbers[i]);
            }
            if (values.length != rows * cols) {
                throw new IllegalStateException(parts[0] + ": " + values.length + " values for " + rows + "x" + cols);
            }
            tables.put(parts[0], new Matrix(rows, cols, values));
        }
    }

    static Golden load(String name) {
        return new Golden(new String(bytes("/dsp/golden/" + name + ".tsv"), StandardCharsets.UTF_8));
    }

    Matrix get(String name) {
        Matrix m = tables.get(name);
        if (m == null) {
            throw new IllegalArgumentException("no golden table " + name + " in " + tables.keySet());
        }
        return m;
    }

    static float[] signal(String name) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes("/dsp/signals/" + name + ".f32")).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[buffer.remaining() / 4];
        buffer.asFloatBuffer().get(out);
        return out;
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = Golden.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
