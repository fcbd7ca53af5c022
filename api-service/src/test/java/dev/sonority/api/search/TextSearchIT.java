package dev.sonority.api.search;

import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.api.index.EmbeddedIndexes;
import dev.sonority.api.support.ApiIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/songs/search} and Sonority's {@code /api/v1/search} and {@code /api/v1/similar}, with
 * the query embedded by a local server speaking inference-service's protocol ({@link InferenceStub}).
 */
class TextSearchIT extends ApiIntegrationTest {

    static final InferenceStub INFERENCE = new InferenceStub();

    @DynamicPropertySource
    static void inference(DynamicPropertyRegistry registry) {
        registry.add("sonority.search.inference-url", INFERENCE::url);
        registry.add("sonority.search.inference-timeout", () -> "1s");
        registry.add("sonority.search.model-retry", () -> "0s"); // each test sets which models are installed
    }

    @Autowired
    EmbeddedIndexes indexes;

    @Autowired
    SongDirectory directory;

    @Autowired
    dev.sonority.model.vector.store.VectorStore store;

    @Autowired
    NearestSongs nearest;

    @Autowired
    QueryEmbedder inference;

    SearchLibrary library;

    @BeforeEach
    void library() {
        reset();
        INFERENCE.notInstalled.clear();
        INFERENCE.embeddings.clear();
        INFERENCE.delayMillis = 0;
        library = new SearchLibrary(jdbc, indexes, directory);
        library.song("Jazz/Late/01 Blue.flac", "Blue", "Miles", "Late", "Jazz");
        library.song("Jazz/Late/02 Green.flac", "Green", "Miles", "Late", "Jazz");
        library.song("Rock/Loud/01 Red.flac", "Red", "Band", "Loud", "Rock");
        library.song("Rock/Loud/02 Black.flac", "Black", "Band", "Loud", "Rock");
        library.vector("Jazz/Late/01 Blue.flac", "text_minilm", 1, 0, 0);
        library.vector("Jazz/Late/02 Green.flac", "text_minilm", 0.8f, 0.6f, 0);
        library.vector("Rock/Loud/01 Red.flac", "text_minilm", 0, 1, 0);
        library.vector("Rock/Loud/02 Black.flac", "text_minilm", 0, 0.6f, 0.8f);
        library.vector("Jazz/Late/01 Blue.flac", "clap", 1, 0);
        library.vector("Rock/Loud/01 Red.flac", "clap", 0, 1);
        library.descriptors("Jazz/Late/01 Blue.flac", 92, "D", "minor", -14);
        library.descriptors("Jazz/Late/02 Green.flac", 128, "F", "major", -12);
        library.descriptors("Rock/Loud/01 Red.flac", 140, "E", "minor", -7);
        library.descriptors("Rock/Loud/02 Black.flac", 118, "E", "major", -8);
        library.refresh("text_minilm", "clap", "muq_mulan");
        INFERENCE.embeddings.put("text_minilm:mellow jazz", new float[] {1, 0.1f, 0});
        INFERENCE.embeddings.put("clap:mellow jazz", new float[] {0.2f, 1});
    }

    @Test
    void solaMpdsSearchFallsBackAlongTheChainToTheFirstModelThatCanAnswer() {
        INFERENCE.notInstalled.add("clap");
        RawHttp.Answer answer = RawHttp.get(port, "/api/v1/songs/search?q=mellow%20jazz&model_name=muq_mulan&limit=100");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("X-Sonority-Model")).isEqualTo("text_minilm");
        // cosines with (1, 0.1, 0)/|.|: Blue 0.995, Green 0.856, Red 0.0995, Black 0.0597
        assertThat(SearchLibrary.paths(answer.json().get("songs"))).containsExactly("Jazz/Late/01 Blue.flac",
                "Jazz/Late/02 Green.flac", "Rock/Loud/01 Red.flac", "Rock/Loud/02 Black.flac");
        JsonNode first = answer.json().get("songs").get(0);
        assertThat(first.propertyNames()).containsExactly("file_path", "title", "artist", "album", "genre", "score");
        assertThat(first.get("score").asDouble()).isCloseTo(1 / Math.sqrt(1.01), org.assertj.core.data.Offset.offset(1e-5));
        // muq_mulan has no vectors, so it was never sent to inference; clap was tried and refused
        assertThat(INFERENCE.requests).contains("clap:mellow jazz", "text_minilm:mellow jazz")
                .doesNotContain("muq_mulan:mellow jazz");
    }

    @Test
    void aRefusedModelIsSkippedForModelRetry() {
        INFERENCE.notInstalled.add("clap");
        INFERENCE.requests.clear();
        SearchProperties settings = new Binder(new MapConfigurationPropertySource(
                Map.of("sonority.search.model-retry", "1m"))).bindOrCreate("sonority.search", SearchProperties.class);
        TextSongs texts = new TextSongs(store, nearest, inference, settings);
        texts.find("muq_mulan", "mellow jazz", null, 3);
        texts.find("muq_mulan", "mellow jazz", null, 3);
        assertThat(INFERENCE.requests).containsExactly("clap:mellow jazz", "text_minilm:mellow jazz",
                "text_minilm:mellow jazz");
    }

    @Test
    void clapAnswersWhenItsTextTowerIsInstalled() {
        RawHttp.Answer answer = RawHttp.get(port, "/api/v1/songs/search?q=mellow+jazz&limit=1");
        assertThat(answer.header("X-Sonority-Model")).isEqualTo("clap");
        assertThat(SearchLibrary.paths(answer.json().get("songs"))).containsExactly("Rock/Loud/01 Red.flac");
    }

    @Test
    void missingEmptyOrBlankQueryAndBadLimitOrModelAre422() {
        for (String query : List.of("", "q=", "q=%20%20", "q=x&limit=0", "q=x&limit=1001", "q=x&model_name=muq")) {
            RawHttp.Answer answer = RawHttp.get(port, "/api/v1/songs/search?" + query);
            assertThat(answer.status()).as(query).isEqualTo(422);
            assertThat(answer.json().get("detail").isArray()).isTrue();
        }
    }

    @Test
    void inferenceTooSlowOrDownIs503NamingIt() {
        INFERENCE.delayMillis = 2_500;
        RawHttp.Answer answer = RawHttp.get(port, "/api/v1/songs/search?q=mellow%20jazz&model_name=text_minilm");
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).isEqualTo("5");
        assertThat(answer.json().get("detail").asString()).startsWith("Inference service").contains(INFERENCE.url());
    }

    @Test
    void ownSearchFiltersByGenreTempoKeyAndPages() {
        RawHttp.Answer all = RawHttp.get(port, "/api/v1/search?q=mellow%20jazz&model=text_minilm&limit=2&offset=1");
        assertThat(all.json().get("model").asString()).isEqualTo("text_minilm");
        assertThat(all.json().get("limit").asInt()).isEqualTo(2);
        assertThat(SearchLibrary.paths(all.json().get("songs"))).containsExactly("Jazz/Late/02 Green.flac",
                "Rock/Loud/01 Red.flac");
        assertThat(SearchLibrary.paths(RawHttp.get(port,
                "/api/v1/search?q=mellow%20jazz&model=text_minilm&genre=rock").json().get("songs")))
                .containsExactly("Rock/Loud/01 Red.flac", "Rock/Loud/02 Black.flac");
        assertThat(SearchLibrary.paths(RawHttp.get(port,
                "/api/v1/search?q=mellow%20jazz&model=text_minilm&bpm_min=100&bpm_max=130").json().get("songs")))
                .containsExactly("Jazz/Late/02 Green.flac", "Rock/Loud/02 Black.flac");
        assertThat(SearchLibrary.paths(RawHttp.get(port,
                "/api/v1/search?q=mellow%20jazz&model=text_minilm&key=E%20minor").json().get("songs")))
                .containsExactly("Rock/Loud/01 Red.flac");
        RawHttp.Answer bad = RawHttp.get(port, "/api/v1/search?q=x&key=H");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void anUploadedClipIsDecodedAtTheModelsRateAndSearchedWithItsEmbedding() throws Exception {
        INFERENCE.audioEmbeddings.put("clap", new float[] {0.1f, 1});
        INFERENCE.audioRequests.clear();
        java.nio.file.Path clip = java.nio.file.Files.createTempFile("clip-", ".flac");
        dev.sonority.audio.fixture.AudioFileWriter.write(clip,
                dev.sonority.audio.fixture.TestSignals.sine(440, 3.0, 44_100, 0.5), 44_100,
                dev.sonority.audio.fixture.FixtureTags.NONE);
        java.net.http.HttpResponse<String> answer = postBytes("/api/v1/similar/audio?limit=1",
                java.nio.file.Files.readAllBytes(clip));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("X-Sonority-Model")).hasValue("clap");
        assertThat(SearchLibrary.paths(tools.jackson.databind.json.JsonMapper.builder().build().readTree(answer.body())
                .get("songs"))).containsExactly("Rock/Loud/01 Red.flac");
        // muq, mert and musicnn have no vectors: only clap was embedded, from 3 s decoded at its 48 kHz
        assertThat(INFERENCE.audioRequests).hasSize(1);
        String request = INFERENCE.audioRequests.getFirst();
        assertThat(request).startsWith("clap@48000:");
        assertThat(Integer.parseInt(request.substring(request.indexOf(':') + 1))).isBetween(143_000, 145_000);
        assertThat(postBytes("/api/v1/similar/audio", new byte[0]).statusCode()).isEqualTo(422);
        java.net.http.HttpResponse<String> garbage = postBytes("/api/v1/similar/audio", "not audio at all".getBytes());
        assertThat(garbage.statusCode()).isEqualTo(422);
        assertThat(garbage.body()).contains("cannot be decoded");
        // half a second is too short for clap, the only model with vectors: 422 saying how long, not a 404
        dev.sonority.audio.fixture.AudioFileWriter.write(clip,
                dev.sonority.audio.fixture.TestSignals.sine(440, 0.5, 44_100, 0.5), 44_100,
                dev.sonority.audio.fixture.FixtureTags.NONE);
        java.net.http.HttpResponse<String> tooShort = postBytes("/api/v1/similar/audio",
                java.nio.file.Files.readAllBytes(clip));
        assertThat(tooShort.statusCode()).as(tooShort.body()).isEqualTo(422);
        assertThat(tooShort.body()).contains("clap").contains("needs at least 1.000 s");
        java.nio.file.Files.delete(clip);
    }

    private java.net.http.HttpResponse<String> postBytes(String path, byte[] body) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/octet-stream")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void ownSimilarBySeveralSeedsSearchesTheirCentroid() {
        // centroid of Blue (1,0,0) and Black (0,0.6,0.8) is closest to Green (0.8,0.6,0) then Red (0,1,0)
        RawHttp.Answer answer = RawHttp.get(port, "/api/v1/similar?song=Jazz/Late/01%20Blue.flac"
                + "&song=Rock%2FLoud%2F02%20Black.flac&model=text_minilm");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(SearchLibrary.paths(answer.json().get("songs"))).containsExactly("Jazz/Late/02 Green.flac",
                "Rock/Loud/01 Red.flac");
        library.song("Jazz/Late/03 Blue, Green.flac", "Blue, Green", "Miles", "Late", "Jazz");
        library.vector("Jazz/Late/03 Blue, Green.flac", "text_minilm", 0.95f, 0.1f, 0);
        library.refresh("text_minilm");
        RawHttp.Answer comma = RawHttp.get(port, "/api/v1/similar?song=Jazz/Late/03%20Blue,%20Green.flac&model=text_minilm&limit=1");
        assertThat(comma.status()).as(comma.body()).isEqualTo(200);
        assertThat(SearchLibrary.paths(comma.json().get("songs"))).containsExactly("Jazz/Late/01 Blue.flac");
        RawHttp.Answer unknown = RawHttp.get(port, "/api/v1/similar?song=No/such.flac");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asString()).isEqualTo("Song not found: No/such.flac");
    }
}
