package dev.sonority.audio.decode;

/** Receives consecutive blocks of mono float32 PCM during a streaming decode. */
@FunctionalInterface
public interface PcmConsumer {

    /**
     * Takes the next block. The array is reused for the next block, so copy what must outlive the call.
     *
     * @param block samples, valid from index 0 to {@code length - 1}
     * @param length number of valid samples (at most {@link AudioDecoder#STREAM_BLOCK_SAMPLES})
     * @return true to go on decoding, false to stop here (not an error)
     */
    boolean accept(float[] block, int length);
}
