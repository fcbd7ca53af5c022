package dev.sonority.bench.scan;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples a service's used heap (the sum of Micrometer's {@code jvm_memory_used_bytes{area="heap"}} series
 * on its Prometheus endpoint) every 100 ms and keeps the peak.
 */
final class HeapSampler {

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong peak = new AtomicLong();
    private final Thread thread;

    private HeapSampler(String url) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build();
        thread = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
            while (running.get()) {
                try {
                    long used = heapUsed(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
                    peak.accumulateAndGet(used, Math::max);
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // a sample lost under load is not a result
                }
            }
        });
    }

    static HeapSampler start(String prometheusUrl) {
        return new HeapSampler(prometheusUrl);
    }

    /** Stops sampling; the peak in bytes. */
    long stop() throws InterruptedException {
        running.set(false);
        thread.join(2_000);
        return peak.get();
    }

    static long heapUsed(String prometheus) {
        long sum = 0;
        for (String line : prometheus.split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                sum += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
