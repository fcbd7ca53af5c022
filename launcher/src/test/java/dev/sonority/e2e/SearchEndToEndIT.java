package dev.sonority.e2e;

import static dev.sonority.e2e.ServiceHttp.HTTP;
import static dev.sonority.e2e.ServiceHttp.JSON;
import static dev.sonority.e2e.ServiceHttp.awaitTask;
import static dev.sonority.e2e.ServiceHttp.get;
import static dev.sonority.e2e.ServiceHttp.post;
import static dev.sonority.e2e.ServiceHttp.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sonority.audio.fixture.FixtureLibrary;
import dev.sonority.testing.TestBroker;
import dev.sonority.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Text search as Sola MPD runs it, end to end with the packaged jars: inference-service with its bundled
 * text_minilm model, the worker writing each song's metadata vector during analyze, the API refreshing its
 * embedded index on the worker's index event and embedding the query through inference-service. Sola MPD asks
 * for muq_mulan, which no song has, so the answer must come from the text_minilm fallback.
 */
class SearchEndToEndIT {

    static final TestDatabase DB = TestDatabase.create();
    static final TestBroker MQ = TestBroker.create();

    @TempDir
    static Path temp;

    @AfterAll
    static void drop() {
        DB.close();
    }

    @Test
    void solaMpdsTextSearchIsAnsweredByTextMinilmAfterAnalyze() throws Exception {
        FixtureLibrary library = FixtureLibrary.create(temp.resolve("music"));
        try (ServiceStack stack = ServiceStack.start(temp, library.root(), DB, MQ)) {
            String api = stack.api();
            assertThat(awaitTask(api, post(api + "/api/v1/batch/scan/run"), Duration.ofMinutes(4)).path("status").asString()).isEqualTo("SUCCESS");
            JsonNode analyze = awaitTask(api, post(api + "/api/v1/batch/analyze/run"), Duration.ofMinutes(4));
            assertThat(analyze.path("status").asString()).as(analyze.toString()).isEqualTo("SUCCESS");

            String url = api + "//api/v1/songs/search?q=Nihongo&model_name=muq_mulan&limit=100";
            // until the index event is applied
            HttpResponse<String> answer = await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(500)).until(() -> send(url), polled -> polled.statusCode() == 200
                            && JSON.readTree(polled.body()).path("songs").size() >= library.good().size());
            assertThat(answer.statusCode()).as(answer.body() + "; stats " + send(api + "/api/v1/stats").body()
                    + "; indexes " + send(api + "/api/v1/index").body()).isEqualTo(200);
            JsonNode songs = JSON.readTree(answer.body()).path("songs");
            assertThat(answer.headers().firstValue("X-Sonority-Model")).hasValue("text_minilm");
            assertThat(songs).hasSize(library.good().size());
            assertThat(songs.get(0).path("file_path").asString()).isEqualTo("Artist C/07 日本語.aiff");
            assertThat(songs.get(0).path("score").asDouble()).isGreaterThan(songs.get(1).path("score").asDouble());

            // similar as Sola MPD asks for it (muq): answered by MusiCNN, the first analysed model of the chain
            HttpResponse<String> similar = get(api + "//api/v1/songs/Artist%20A%2FAlbum%20One%2F01%20First.flac"
                    + "/similar?model_name=muq&limit=100");
            assertThat(similar.headers().firstValue("X-Sonority-Model")).hasValue("musicnn");
            JsonNode alike = JSON.readTree(similar.body()).path("songs");
            assertThat(alike).hasSize(library.good().size() - 1);
            alike.forEach(song -> assertThat(song.path("file_path").asString())
                    .isNotEqualTo("Artist A/Album One/01 First.flac"));

            // the same file uploaded as a clip: decoded by the API, embedded by MusiCNN, finds itself first
            HttpResponse<String> clip = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/api/v1/similar/audio?limit=3"))
                    .header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofFile(library.root().resolve("Artist A/Album One/01 First.flac")))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(clip.statusCode()).as(clip.body()).isEqualTo(200);
            assertThat(clip.headers().firstValue("X-Sonority-Model")).hasValue("musicnn");
            JsonNode found = JSON.readTree(clip.body()).path("songs");
            assertThat(found.get(0).path("file_path").asString()).isEqualTo("Artist A/Album One/01 First.flac");
            assertThat(found.get(0).path("score").asDouble()).isGreaterThan(0.99);
        }
    }

}
