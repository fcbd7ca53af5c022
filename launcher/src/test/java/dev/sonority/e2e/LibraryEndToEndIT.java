package dev.sonority.e2e;

import static dev.sonority.e2e.ServiceHttp.awaitTask;
import static dev.sonority.e2e.ServiceHttp.getJson;
import static dev.sonority.e2e.ServiceHttp.jar;
import static dev.sonority.e2e.ServiceHttp.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sonority.audio.fixture.AudioFileWriter;
import dev.sonority.audio.fixture.BrokenFiles;
import dev.sonority.audio.fixture.FixtureLibrary;
import dev.sonority.audio.fixture.FixtureTags;
import dev.sonority.audio.fixture.TestSignals;
import dev.sonority.testing.FreePorts;
import dev.sonority.testing.ServiceProcess;
import dev.sonority.testing.TestBroker;
import dev.sonority.testing.TestDatabase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The whole foundation as a user meets it: the packaged API and worker jars as real processes on the real
 * PostgreSQL and RabbitMQ, a library of real files (several formats, awkward names, broken files), and only
 * HTTP requests shaped like Sola MPD's (no headers, no body, a doubled slash) driving scan, analyze and vacuum.
 */
class LibraryEndToEndIT {

    static final TestDatabase DB = TestDatabase.create();
    static final TestBroker MQ = TestBroker.create();

    @TempDir
    static Path temp;

    @AfterAll
    static void drop() {
        DB.close();
    }

    @Test
    void scanAnalyzeAndVacuumThroughTheApi() throws Exception {
        Path music = temp.resolve("music");
        FixtureLibrary library = FixtureLibrary.create(music);
        Path whole = AudioFileWriter.write(temp.resolve("whole.mp3"), TestSignals.sine(440, 8.0, 44_100, 0.5), 44_100,
                FixtureTags.of("Cut", "X", "Y"));
        BrokenFiles.truncatedCopy(whole, music.resolve("Broken/cut short.mp3"), 0.4);
        int readable = library.good().size() + 1;
        int files = readable + library.broken().size();

        Path project = Path.of(System.getProperty("sonority.project.dir"));
        Map<String, String> env = new HashMap<>(DB.environment());
        env.putAll(MQ.environment());
        env.put("MUSIC_DIR", music.toString());
        int apiPort = FreePorts.pick();
        int workerPort = FreePorts.pick();
        env.put("API_PORT", Integer.toString(apiPort));
        env.put("WORKER_PORT", Integer.toString(workerPort));
        String api = "http://127.0.0.1:" + apiPort;
        try (ServiceProcess apiProcess = ServiceProcess.start(jar(project, "api-service"), env, temp.resolve("api.log"))) {
            apiProcess.awaitHealthy(api + "/health", Duration.ofSeconds(120));
            try (ServiceProcess worker = ServiceProcess.start(jar(project, "batch-worker"), env, temp.resolve("worker.log"))) {
                worker.awaitHealthy("http://127.0.0.1:" + workerPort + "/actuator/health/readiness", Duration.ofSeconds(120));

                JsonNode scan = awaitTask(api, post(api + "//api/v1/batch/scan/run"), Duration.ofMinutes(3));
                assertThat(scan.path("status").asString()).as(scan.toString()).isEqualTo("SUCCESS");
                assertThat(scan.path("details").path("total_count").asInt()).isEqualTo(files);
                awaitStat(api, "total_songs", files);

                JsonNode analyze = awaitTask(api, post(api + "/api/v1/batch/analyze/run"), Duration.ofMinutes(3));
                assertThat(analyze.path("status").asString()).as(analyze.toString()).isEqualTo("SUCCESS");
                assertThat(analyze.path("details").path("processed_count").asInt()).isEqualTo(readable);
                assertThat(analyze.path("details").path("failed_count").asInt()).isEqualTo(1);
                JsonNode stats = awaitStat(api, "songs_with_acoustic_features", library.good().size());
                assertThat(stats.path("pending_tasks").asInt()).isZero();
                assertThat(stats.path("running_tasks").asInt()).isZero();

                JsonNode failed = getJson(api + "/api/v1/songs?status=FAILED&model=acoustic_features");
                assertThat(failed.toString()).contains("Broken/cut short.mp3").contains("TRUNCATED");
                String odd = library.good().keySet().stream().filter(p -> p.contains("#")).findFirst().orElseThrow();
                JsonNode song = getJson(api + "/api/v1/songs/" + URLEncoder.encode(odd, StandardCharsets.UTF_8).replace("+", "%20"));
                assertThat(song.path("file_path").asString()).isEqualTo(odd);
                assertThat(song.path("analysis").path("acoustic_features").path("status").asString()).isEqualTo("COMPLETED");

                Files.delete(music.resolve(odd));
                JsonNode vacuum = awaitTask(api, post(api + "/api/v1/batch/vacuum/run"), Duration.ofMinutes(3));
                assertThat(vacuum.path("status").asString()).as(vacuum.toString()).isEqualTo("SUCCESS");
                awaitStat(api, "total_songs", files - 1);
                awaitStat(api, "songs_with_acoustic_features", library.good().size() - 1);
            }
        }
    }

    /** Stats are cached for a couple of seconds by design: wait until the figure is in (or fail with it). */
    private static JsonNode awaitStat(String api, String field, int expected) throws Exception {
        JsonNode stats = await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> getJson(api + "//api/v1/stats"), s -> s.path(field).asInt() == expected);
        assertThat(stats.path(field).asInt()).as(field + " in " + stats).isEqualTo(expected);
        return stats;
    }
}
