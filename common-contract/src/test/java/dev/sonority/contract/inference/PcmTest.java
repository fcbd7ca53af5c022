package dev.sonority.contract.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** The PCM body: float32 little-endian as {@link ByteBuffer} writes it, streamed in reads of any size. */
class PcmTest {

    @Test
    void readsOfAnySizeSplitSamplesCorrectly() throws Exception {
        float[] samples = {0.25f, -0.5f, 0.125f, 1e-7f, -1f};
        ByteBuffer expected = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
        for (float sample : samples) {
            expected.putFloat(sample);
        }
        for (int chunk = 1; chunk <= 9; chunk++) {
            var stream = new ByteArrayOutputStream();
            try (InputStream in = Pcm.stream(samples)) {
                byte[] buffer = new byte[chunk];
                int read;
                while ((read = in.read(buffer, 0, chunk)) > 0) {
                    stream.write(buffer, 0, read);
                }
            }
            assertThat(stream.toByteArray()).as("chunks of %d bytes", chunk).isEqualTo(expected.array());
        }
    }

    @Test
    void decodesWhatItStreamsAndRefusesABrokenSample() throws Exception {
        float[] samples = {0.25f, -0.5f, Float.MIN_VALUE, -0.0f};
        byte[] bytes;
        try (InputStream in = Pcm.stream(samples)) {
            bytes = in.readAllBytes();
        }
        assertThat(bytes).hasSize((int) Pcm.byteLength(samples));
        assertThat(Pcm.decode(bytes)).containsExactly(samples);
        assertThatThrownBy(() -> Pcm.decode(new byte[] {1, 2, 3, 4, 5})).isInstanceOf(IllegalArgumentException.class);
    }
}
