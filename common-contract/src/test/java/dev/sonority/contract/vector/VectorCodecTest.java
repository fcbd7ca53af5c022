package dev.sonority.contract.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class VectorCodecTest {

    @Test
    void layoutIsLittleEndianFloat32AsNumpyReadsIt() {
        // 1.0f is 0x3F800000: little-endian bytes 00 00 80 3F; -2.0f is 0xC0000000.
        byte[] data = VectorCodec.encode(new float[] {1.0f, -2.0f});
        assertThat(data).containsExactly(0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x00, 0xC0);
    }

    @Test
    void randomVectorsRoundTripExactly() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int trial = 0; trial < 200; trial++) {
            float[] vector = new float[1 + random.nextInt(1100)];
            for (int i = 0; i < vector.length; i++) {
                vector[i] = (float) random.nextGaussian() * 1e3f;
            }
            assertThat(VectorCodec.decode(VectorCodec.encode(vector))).as("seed %d", seed).containsExactly(vector);
        }
    }

    @Test
    void rejectsTruncatedData() {
        assertThatThrownBy(() -> VectorCodec.decode(new byte[7])).hasMessageContaining("not a multiple of 4");
    }
}
