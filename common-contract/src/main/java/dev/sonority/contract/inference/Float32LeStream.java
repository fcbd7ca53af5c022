package dev.sonority.contract.inference;

import java.io.InputStream;

/** Reads mono float samples as float32 little-endian bytes, without copying them into a byte array. */
final class Float32LeStream extends InputStream {

    private final float[] samples;
    private int sample;
    private int byteInSample;
    private int bits;

    Float32LeStream(float[] samples) {
        this.samples = samples;
    }

    @Override
    public int read() {
        if (sample >= samples.length) {
            return -1;
        }
        if (byteInSample == 0) {
            bits = Float.floatToRawIntBits(samples[sample]);
        }
        int value = (bits >>> (8 * byteInSample)) & 0xFF;
        if (++byteInSample == 4) {
            byteInSample = 0;
            sample++;
        }
        return value;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (sample >= samples.length) {
            return -1;
        }
        int written = 0;
        while (written < length && byteInSample != 0) { // finish a sample a previous call split
            buffer[offset + written++] = (byte) read();
        }
        while (written + 4 <= length && sample < samples.length) {
            int value = Float.floatToRawIntBits(samples[sample++]);
            buffer[offset + written] = (byte) value;
            buffer[offset + written + 1] = (byte) (value >>> 8);
            buffer[offset + written + 2] = (byte) (value >>> 16);
            buffer[offset + written + 3] = (byte) (value >>> 24);
            written += 4;
        }
        while (written < length && sample < samples.length) { // start of a sample that does not fit
            buffer[offset + written++] = (byte) read();
        }
        return written;
    }
}
