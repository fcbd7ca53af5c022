package dev.sonority.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.sonority.launcher.cli.LauncherOptions;
import dev.sonority.launcher.cli.OptionsParser;
import dev.sonority.launcher.command.ModelsPullCommand;
import dev.sonority.testing.FreePorts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./sonority models pull} as a user runs it with nothing started: the launcher starts the packaged
 * inference-service jar on a free port, which downloads the manifest's files from a local HTTP server,
 * verifies them and installs them; a wrong checksum installs nothing and exits 1 with the reason; non-commercial
 * weights print their licence and exit 3 without a request upstream until --accept-licence, and a file without a
 * published checksum is reported unverified.
 */
class ModelsPullIT {

    @TempDir
    Path dir;

    @Test
    void pullsAModelThroughAnInferenceServiceItStartsAndRefusesAWrongChecksum() throws Exception {
        byte[] audio = random(400_000, 1);
        byte[] text = random(90_000, 2);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger requests = new AtomicInteger();
        for (var file : Map.of("/audio.onnx", audio, "/text.onnx", text).entrySet()) {
            server.createContext(file.getKey(), exchange -> {
                requests.incrementAndGet();
                exchange.sendResponseHeaders(200, file.getValue().length);
                try (var out = exchange.getResponseBody()) {
                    out.write(file.getValue());
                }
            });
        }
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Path models = Files.createDirectories(dir.resolve("models"));
            Files.writeString(models.resolve("manifest.json"), """
                    {"format_version": 1, "models": [
                      {"name": "clap", "version": "t", "license": "l", "source": "test server", "files": [
                        {"path": "clap/clap-audio.onnx", "sha256": "%s", "url": "%s/audio.onnx", "size": %d},
                        {"path": "clap/clap-text.onnx", "sha256": "%s", "url": "%s/text.onnx", "size": %d}]},
                      {"name": "muq", "version": "t", "license": "l", "source": "test server", "files": [
                        {"path": "muq/muq-large-msd-iter.onnx", "sha256": "%s", "url": "%s/audio.onnx", "size": %d}]},
                      {"name": "muq_mulan", "version": "t", "license": "CC BY-NC 4.0", "non_commercial": true,
                       "source": "test server", "files": [
                        {"path": "muq_mulan/mulan_audio_encoder.onnx", "sha256": null, "url": "%s/text.onnx",
                         "size": null}]}
                    ]}""".formatted(sha256(audio), base, audio.length, sha256(text), base, text.length,
                    sha256(text), base, audio.length, base));
            Path project = Path.of(System.getProperty("sonority.project.dir"));
            int port = FreePorts.pick();

            ByteArrayOutputStream log = new ByteArrayOutputStream();
            int rc = command(project, models, port, "clap", log).run();
            String output = log.toString(StandardCharsets.UTF_8);
            assertThat(rc).as(output).isZero();
            assertThat(output).contains("Starting inference-service for the download").contains("Model clap is installed");
            assertThat(Files.readAllBytes(models.resolve("clap/clap-audio.onnx"))).isEqualTo(audio);
            assertThat(Files.readAllBytes(models.resolve("clap/clap-text.onnx"))).isEqualTo(text);

            ByteArrayOutputStream wrong = new ByteArrayOutputStream();
            int failed = command(project, models, port, "muq", wrong).run();
            String why = wrong.toString(StandardCharsets.UTF_8);
            assertThat(failed).as(why).isEqualTo(1);
            assertThat(why).contains("Download of muq failed: Checksum mismatch for muq/muq-large-msd-iter.onnx");
            assertThat(models.resolve("muq/muq-large-msd-iter.onnx")).doesNotExist();
            assertThat(models.resolve("muq/muq-large-msd-iter.onnx.part")).doesNotExist();

            int before = requests.get();
            ByteArrayOutputStream refused = new ByteArrayOutputStream();
            int notAccepted = command(project, models, port, "muq_mulan", refused).run();
            String licence = refused.toString(StandardCharsets.UTF_8);
            assertThat(notAccepted).as(licence).isEqualTo(3);
            assertThat(licence).contains("Model muq_mulan: licence CC BY-NC 4.0 (non-commercial use only)")
                    .contains("--accept-licence");
            assertThat(requests.get()).isEqualTo(before);
            assertThat(models.resolve("muq_mulan/mulan_audio_encoder.onnx")).doesNotExist();

            ByteArrayOutputStream accepted = new ByteArrayOutputStream();
            int installed = command(project, models, port, "muq_mulan", accepted, "--accept-licence").run();
            String unverified = accepted.toString(StandardCharsets.UTF_8);
            assertThat(installed).as(unverified).isZero();
            assertThat(unverified).contains("unverified: muq_mulan/mulan_audio_encoder.onnx has no published checksum");
            assertThat(Files.readAllBytes(models.resolve("muq_mulan/mulan_audio_encoder.onnx"))).isEqualTo(text);
            assertThat(models.resolve("muq_mulan/install-record.json")).content().contains(sha256(text));
        } finally {
            server.stop(0);
        }
    }

    private ModelsPullCommand command(Path project, Path models, int port, String model, ByteArrayOutputStream out,
            String... more) {
        List<String> args = new ArrayList<>(List.of("models", "pull", model, "--models", models.toString(),
                "--inference-port", Integer.toString(port), "--data", dir.resolve("state").toString()));
        args.addAll(List.of(more));
        LauncherOptions options = new OptionsParser(Map.of(), project).parse(args.toArray(String[]::new));
        return new ModelsPullCommand(options, model, new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
