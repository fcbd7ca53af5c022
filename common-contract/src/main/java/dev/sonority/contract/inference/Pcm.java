package dev.sonority.contract.inference;

import dev.sonority.contract.vector.VectorCodec;
import java.io.InputStream;

/**
 * The body of {@code POST /v1/embed/audio}: mono samples as IEEE-754 float32, little-endian, no header, sent
 * as {@value #CONTENT_TYPE}. It is the layout of a stored vector ({@link VectorCodec}), so one decoder serves
 * both.
 */
public final class Pcm {

    public static final String CONTENT_TYPE = "application/octet-stream";

    private Pcm() {
    }

    /**
     * The bytes of {@code samples}, produced a few at a time: a 10-minute track at 48 kHz is 115 MB of PCM, and
     * copying it into a byte array first would double a sender's heap for every song in flight.
     */
    public static InputStream stream(float[] samples) {
        return new Float32LeStream(samples);
    }

    /** The length of {@link #stream}'s bytes. */
    public static long byteLength(float[] samples) {
        return (long) Float.BYTES * samples.length;
    }

    /** The samples of a body; an {@link IllegalArgumentException} when it is not a whole number of them. */
    public static float[] decode(byte[] body) {
        return VectorCodec.decode(body);
    }
}
