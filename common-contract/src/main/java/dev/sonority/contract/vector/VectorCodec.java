package dev.sonority.contract.vector;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The stored layout of a vector: {@code dim} IEEE-754 float32 values, little-endian, no header (the
 * dimension is kept in its own column). Little-endian matches numpy's default, so a vector can be read
 * outside Java with {@code numpy.frombuffer(data, '<f4')}.
 */
public final class VectorCodec {

    /** Version of this layout; bump it if the encoding ever changes. */
    public static final int LAYOUT_VERSION = 1;

    private VectorCodec() {
    }

    public static byte[] encode(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    public static float[] decode(byte[] data) {
        if (data.length % Float.BYTES != 0) {
            throw new IllegalArgumentException("vector data is " + data.length + " bytes, not a multiple of 4");
        }
        float[] vector = new float[data.length / Float.BYTES];
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
