package dev.sonority.model.inference;

import dev.sonority.contract.inference.Pcm;
import java.net.http.HttpRequest;

/** The PCM of one song as a request body the JDK client streams ({@link Pcm#stream}), never copies. */
final class PcmBody {

    private PcmBody() {
    }

    static HttpRequest.BodyPublisher of(float[] samples) {
        return HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> Pcm.stream(samples)), Pcm.byteLength(samples));
    }
}
