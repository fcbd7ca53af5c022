package dev.sonority.contract.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.contract.models.MusicnnLabels;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wire names of the inference API, written by a mapper configured as inference-service's (Spring Boot's
 * defaults) and read by one configured as the client's (snake_case, lenient), and the other way round.
 */
class InferenceJsonTest {

    private static final JsonMapper SERVER = JsonMapper.builder().build();
    private static final JsonMapper CLIENT = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Test
    void audioAnswerHasTheDocumentedNamesAndReadsBackOnTheClient() {
        float[] tags = new float[MusicnnLabels.TAGS.size()];
        tags[3] = 0.75f;
        Map<String, AudioEmbedding> results = new LinkedHashMap<>();
        results.put("musicnn", new AudioEmbedding("1", 2, 3, new float[] {0.5f, -1f}, tags, MusicnnLabels.TAGS,
                new float[] {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f}, MusicnnLabels.MOODS));
        results.put("clap", new AudioEmbedding("2", 2, 1, new float[] {0.6f, 0.8f}, null, null, null, null));
        EmbedAudioResponse sent = new EmbedAudioResponse(16000, 12.5, results);

        JsonNode json = SERVER.readTree(SERVER.writeValueAsString(sent));
        assertThat(json.propertyNames()).containsExactly("sample_rate", "duration_s", "results");
        assertThat(json.get("results").propertyNames()).as("in request order").containsExactly("musicnn", "clap");
        assertThat(json.get("results").get("musicnn").propertyNames()).containsExactly("version", "dim", "windows",
                "embedding", "tags", "tag_labels", "moods", "mood_labels");
        assertThat(json.get("results").get("clap").propertyNames()).as("musicnn's fields only where they are")
                .containsExactly("version", "dim", "windows", "embedding");

        EmbedAudioResponse read = CLIENT.readValue(SERVER.writeValueAsString(sent), EmbedAudioResponse.class);
        assertThat(read.sampleRate()).isEqualTo(16000);
        assertThat(read.durationSeconds()).isEqualTo(12.5);
        AudioEmbedding musicnn = read.results().get("musicnn");
        assertThat(musicnn.tags()).containsExactly(tags);
        assertThat(musicnn.tagLabels()).isEqualTo(MusicnnLabels.TAGS);
        assertThat(musicnn.moodLabels()).isEqualTo(MusicnnLabels.MOODS);
        assertThat(read.results().get("clap").embedding()).containsExactly(0.6f, 0.8f);
        assertThat(read.results().get("clap").tags()).isNull();
    }

    @Test
    void textRequestAndAnswerRoundTripBetweenTheTwoMappers() {
        EmbedTextRequest request = CLIENT.readValue(CLIENT.writeValueAsString(new EmbedTextRequest("clap",
                List.of("calm piano"))), EmbedTextRequest.class);
        assertThat(SERVER.readValue(CLIENT.writeValueAsString(request), EmbedTextRequest.class)).isEqualTo(request);

        EmbedTextResponse answer = new EmbedTextResponse("clap", "2", 2, List.of(new float[] {0.6f, 0.8f}));
        String json = SERVER.writeValueAsString(answer);
        assertThat(SERVER.readTree(json).propertyNames()).containsExactly("model", "version", "dim", "embeddings");
        EmbedTextResponse read = CLIENT.readValue(json, EmbedTextResponse.class);
        assertThat(read.embeddings()).singleElement().satisfies(v -> assertThat(v).containsExactly(0.6f, 0.8f));
    }

    @Test
    void fieldsAServerAddsLaterAreSkipped() {
        EmbedTextResponse read = SERVER.readValue(
                "{\"model\":\"clap\",\"version\":\"2\",\"dim\":1,\"embeddings\":[[1.0]],\"device\":\"cuda\"}",
                EmbedTextResponse.class);
        assertThat(read.dim()).isEqualTo(1);
    }
}
