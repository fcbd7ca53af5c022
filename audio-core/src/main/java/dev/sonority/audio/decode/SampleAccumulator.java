package dev.sonority.audio.decode;

import java.util.Arrays;

/** Collects streamed blocks into one array, sized from the expected length so it rarely grows. */
final class SampleAccumulator implements PcmConsumer {

    private float[] samples;
    private int size;

    SampleAccumulator(long expectedSamples) {
        this.samples = new float[(int) Math.clamp(expectedSamples + AudioDecoder.STREAM_BLOCK_SAMPLES, 0,
                Integer.MAX_VALUE - 8)];
    }

    @Override
    public boolean accept(float[] block, int length) {
        if (size + length > samples.length) {
            long grown = Math.max((long) size + length, samples.length + (samples.length >> 1));
            if (grown > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("decoded audio exceeds the largest Java array; set a maxDuration");
            }
            samples = Arrays.copyOf(samples, (int) grown);
        }
        System.arraycopy(block, 0, samples, size, length);
        size += length;
        return true;
    }

    /** The collected samples, trimmed to their length. */
    float[] toArray() {
        return size == samples.length ? samples : Arrays.copyOf(samples, size);
    }
}
