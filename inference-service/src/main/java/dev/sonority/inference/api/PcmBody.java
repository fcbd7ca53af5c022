package dev.sonority.inference.api;

import dev.sonority.contract.inference.Pcm;
import dev.sonority.inference.spi.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Reads the body of POST /v1/embed/audio ({@link Pcm}: mono float32 little-endian) and refuses, with a clear 400
 * or 413, one that is empty, not whole samples, not finite or over the limit.
 */
final class PcmBody {

    private PcmBody() {
    }

    /**
     * @param declaredLength the Content-Length, or -1 when the body is chunked
     * @param maxBytes the largest body accepted
     */
    static float[] read(InputStream in, long declaredLength, long maxBytes, int sampleRate) {
        if (declaredLength > maxBytes) {
            throw tooLarge(declaredLength, maxBytes);
        }
        byte[] bytes;
        try {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the request body failed", e);
        }
        if (bytes.length > maxBytes) {
            throw tooLarge(-1, maxBytes);
        }
        if (bytes.length == 0) {
            throw new InvalidInputException("the body is empty: send the track as mono float32 little-endian PCM"
                    + " (Content-Type: application/octet-stream)");
        }
        if (bytes.length % Float.BYTES != 0) {
            throw new InvalidInputException("the body has " + bytes.length + " bytes, not a whole number of float32"
                    + " samples (4 bytes each): send mono float32 little-endian PCM");
        }
        float[] samples = Pcm.decode(bytes);
        for (int i = 0; i < samples.length; i++) {
            if (!Float.isFinite(samples[i])) {
                throw new InvalidInputException(String.format(Locale.ROOT,
                        "sample %d (at %.3f s) is %s: every sample must be a finite number", i,
                        i / (double) sampleRate, Float.isNaN(samples[i]) ? "NaN" : samples[i] > 0 ? "+inf" : "-inf"));
            }
        }
        return samples;
    }

    private static BodyTooLargeException tooLarge(long length, long maxBytes) {
        return new BodyTooLargeException((length >= 0 ? "the body has " + length + " bytes; " : "the body is larger"
                + " than the limit; ") + "at most " + maxBytes + " bytes are accepted (INFERENCE_MAX_AUDIO_BYTES):"
                + " send a shorter window of the track");
    }
}
