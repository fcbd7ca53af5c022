package dev.sonority.api.search;

import dev.sonority.api.web.ApiException;
import dev.sonority.audio.decode.AudioDecodeException;
import dev.sonority.audio.decode.AudioDecoder;
import dev.sonority.audio.decode.DecodeOptions;
import dev.sonority.audio.decode.DecodedAudio;
import dev.sonority.contract.models.ModelName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Turns an uploaded clip into a query vector of one model: decoded by audio-core (FFmpeg) at the rate the
 * model needs, at most {@value #MAX_SECONDS} s from its middle, then embedded by inference-service. The API
 * decodes only such a clip, never a library file (docs/architecture.md). Decoded PCM is kept per rate for the
 * request, so trying the next model of the chain does not decode again.
 */
@Component
class AudioClipEmbedder {

    static final int MAX_SECONDS = 60;

    private final AudioDecoder decoder = AudioDecoder.ffmpeg();
    private final QueryEmbedder inference;

    AudioClipEmbedder(QueryEmbedder inference) {
        this.inference = inference;
    }

    /** One uploaded clip, decoded lazily per sample rate. */
    final class Clip implements AutoCloseable {
        private final Path file;
        private final Map<Integer, float[]> decoded = new HashMap<>();

        private Clip(Path file) {
            this.file = file;
        }

        /**
         * The clip's embedding by {@code model}.
         *
         * @throws ModelUnavailableException when inference-service cannot run the model
         */
        float[] embed(String model) {
            int rate = inference.sampleRate(model);
            float[] pcm = decoded.computeIfAbsent(rate, this::decode);
            requireLongEnough(model, rate, pcm.length);
            return inference.embedAudio(model, rate, pcm);
        }

        private float[] decode(int rate) {
            try {
                DecodedAudio audio = decoder.decode(file, DecodeOptions.window(rate, Duration.ofSeconds(MAX_SECONDS))
                        .withTimeout(Duration.ofSeconds(30)));
                return audio.samples();
            } catch (AudioDecodeException e) {
                // the decoder's message names the temporary file; the client only needs the reason
                throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "The clip cannot be decoded ("
                        + e.reason() + "): " + e.getMessage().replace(file.toString(), "the uploaded clip")
                        .replace(file.getFileName().toString(), "the uploaded clip"), e);
            }
        }

        @Override
        public void close() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the uploaded clip's temporary file " + file, e);
            }
        }
    }

    /**
     * {@link ClipTooShortException} naming the model and its minimum: the chain then tries the next model, and a
     * clip no model can take is a 422 that says how long it must be, rather than "no model can search".
     */
    static void requireLongEnough(String model, int rate, int samples) {
        ModelName.fromApiName(model).ifPresent(name -> {
            long nanos = name.minimumClip().toNanos();
            double needed = nanos / 1e9;
            // whole samples in integers: 3.008 s at 16 kHz is exactly 48,128, which floating point can miss by one
            if (samples < (nanos * rate + 999_999_999L) / 1_000_000_000L) {
                throw new ClipTooShortException(String.format(Locale.ROOT,
                        "The clip is %.3f s long; %s, the model that would answer, needs at least %.3f s",
                        samples / (double) rate, model, needed));
            }
        });
    }

    Clip clip(byte[] body) {
        if (body == null || body.length == 0) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "The request body must be an audio file");
        }
        try {
            Path file = Files.createTempFile("sonority-clip-", ".audio");
            Files.write(file, body);
            return new Clip(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the uploaded clip", e);
        }
    }
}
