package dev.sonority.bench.inference;

import dev.sonority.testing.FreePorts;
import dev.sonority.testing.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The real inference-service jar started for a bench, with the calls the benches make. */
final class InferenceService implements AutoCloseable {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ServiceProcess process;
    private final int port;
    private final ProcessHandle service;

    private InferenceService(ServiceProcess process, int port, ProcessHandle service) {
        this.process = process;
        this.port = port;
        this.service = service;
    }

    static InferenceService start(Path jar, Path modelsDir, Map<String, String> settings)
            throws IOException, InterruptedException {
        int port = FreePorts.pick();
        Path log = Files.createTempFile("inference-bench-", ".log");
        Map<String, String> environment = new HashMap<>(Map.of("INFERENCE_PORT", String.valueOf(port),
                "MODELS_DIR", modelsDir.toString(), "MODELS_PRELOAD", "musicnn", "LOG_FORMAT", "text",
                "MODELS_INSTALL_BUNDLED", "false")); // never write into a shared weights folder
        environment.putAll(settings);
        System.out.printf("inference-service %s on port %d, MODELS_DIR %s, %s, log %s%n", jar, port, modelsDir,
                settings, log);
        ServiceProcess process = ServiceProcess.start(jar, List.of("-Xmx1g"), environment, log);
        process.awaitHealthy("http://127.0.0.1:" + port + "/actuator/health/readiness", Duration.ofMinutes(3));
        // ServiceProcess starts the jar as a child of this JVM; its handle gives the OS's CPU time for it
        ProcessHandle child = ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().orElse("").contains(jar.getFileName().toString()))
                .reduce((a, b) -> b.pid() > a.pid() ? b : a)
                .orElseThrow(() -> new IllegalStateException("cannot find the process of " + jar));
        return new InferenceService(process, port, child);
    }

    /** POST /v1/embed/audio; fails unless 200. */
    String embed(byte[] pcm, String query) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/v1/embed/audio?" + query))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(pcm)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("embed answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    String prometheus() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /**
     * CPU seconds the service process has used so far, every thread (ONNX Runtime's native ones too), as the
     * operating system counts them for this bench's child process.
     */
    double cpuSeconds() {
        Duration cpu = service.info().totalCpuDuration().orElseThrow(
                () -> new IllegalStateException("the OS does not report the CPU time of " + service.pid()));
        return cpu.toNanos() / 1e9;
    }

    /** Sum and count of one metric family (e.g. the batch size summary), matched by prefix and label text. */
    double[] sumAndCount(String family, String labels) throws IOException, InterruptedException {
        String scrape = prometheus();
        return new double[] {value(scrape, family + "_sum", labels), value(scrape, family + "_count", labels)};
    }

    private static double value(String scrape, String name, String labels) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)} (\\S+)$").matcher(scrape);
        double total = 0;
        while (matcher.find()) {
            if (matcher.group(1).contains(labels)) {
                total += Double.parseDouble(matcher.group(2));
            }
        }
        return total;
    }

    static byte[] littleEndian(float[] samples) {
        ByteBuffer bytes = ByteBuffer.allocate(samples.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(samples);
        return bytes.array();
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
