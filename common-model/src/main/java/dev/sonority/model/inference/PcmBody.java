package dev.sonority.model.inference;

import java.net.http.HttpRequest;

/**
 * Streams mono float samples as the little-endian float32 bytes the inference service reads, a few KB at
 * a time: a 10-minute track at 48 kHz is 115 MB of PCM, and copying it into a byte array first would
 * double the worker's heap for every song in flight.
 */
final class PcmBody {

    private PcmBody() {
    }

    static HttpRequest.BodyPublisher of(float[] samples) {
        return HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> new Float32LeStream(samples)), 4L * samples.length);
    }
}
