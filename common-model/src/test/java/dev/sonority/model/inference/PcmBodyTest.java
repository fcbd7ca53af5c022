package dev.sonority.model.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;

/** The published body must be byte for byte what {@link ByteBuffer} writes as float32 little-endian. */
class PcmBodyTest {

    private final Random random = new Random();

    @RepeatedTest(20)
    void streamsTheSameBytesAsAByteBuffer() throws Exception {
        float[] samples = new float[random.nextInt(50_000)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = random.nextFloat() * 2 - 1;
        }
        if (samples.length > 3) {
            samples[0] = -0.0f;
            samples[1] = Float.MIN_VALUE;
            samples[2] = 1.0f;
        }
        ByteBuffer expected = ByteBuffer.allocate(4 * samples.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float sample : samples) {
            expected.putFloat(sample);
        }
        HttpRequest.BodyPublisher body = PcmBody.of(samples);
        assertThat(body.contentLength()).isEqualTo(4L * samples.length);
        assertThat(collect(body)).isEqualTo(expected.array());
    }

    private static byte[] collect(HttpRequest.BodyPublisher body) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<Void> done = new CompletableFuture<>();
        body.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] bytes = new byte[item.remaining()];
                item.get(bytes);
                out.writeBytes(bytes);
            }

            @Override
            public void onError(Throwable throwable) {
                done.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                done.complete(null);
            }
        });
        done.get(10, TimeUnit.SECONDS);
        return out.toByteArray();
    }
}
