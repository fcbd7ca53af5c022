package dev.sonority.model.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The streamed body must be byte for byte what {@link ByteBuffer} writes as float32 little-endian. */
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

    @Test
    void readsOfAnySizeSplitSamplesCorrectly() throws Exception {
        float[] samples = {0.25f, -0.5f, 0.125f, 1e-7f, -1f};
        ByteBuffer expected = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
        for (float sample : samples) {
            expected.putFloat(sample);
        }
        for (int chunk = 1; chunk <= 9; chunk++) {
            var stream = new java.io.ByteArrayOutputStream();
            try (var in = streamOf(samples)) {
                byte[] buffer = new byte[chunk];
                int read;
                while ((read = in.read(buffer, 0, chunk)) > 0) {
                    stream.write(buffer, 0, read);
                }
            }
            assertThat(stream.toByteArray()).as("chunks of %d bytes", chunk).isEqualTo(expected.array());
        }
    }

    private static java.io.InputStream streamOf(float[] samples) {
        return new Float32LeStream(samples);
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
