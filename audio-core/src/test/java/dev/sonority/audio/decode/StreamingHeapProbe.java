package dev.sonority.audio.decode;

import java.nio.file.Path;

/**
 * Run in a child JVM with a small {@code -Xmx} by {@link StreamingHeapTest}: decodes a long file either streamed
 * or whole, printing the sample count. Exit 0 = done, 3 = out of heap.
 */
public final class StreamingHeapProbe {

    private StreamingHeapProbe() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        AudioDecoder decoder = AudioDecoder.ffmpeg();
        try {
            long[] samples = {0};
            if (args[1].equals("stream")) {
                decoder.decodeStreaming(file, DecodeOptions.of(16_000), (block, length) -> {
                    samples[0] += length;
                    return true;
                });
            } else {
                samples[0] = decoder.decode(file, DecodeOptions.of(16_000)).samples().length;
            }
            System.out.println("samples=" + samples[0]);
        } catch (OutOfMemoryError e) {
            System.out.println("out of memory: " + e.getMessage());
            System.exit(3);
        }
    }
}
