package dev.sonority.api.discovery.moods;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.api.search.RawHttp;
import dev.sonority.api.search.SearchLibrary;
import dev.sonority.api.support.ApiIntegrationTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/moods}: counts of songs strong in each mood (probability >= 0.5) and centroid flags. */
class MoodsEndpointIT extends ApiIntegrationTest {

    static final List<String> MOODS = List.of("danceable", "aggressive", "happy", "party", "relaxed", "sad");

    @Autowired
    ApplicationContext context;

    @Test
    void countsSongsStrongInEachMoodAndSaysWhichHaveACentroidInTheAnsweringModel() {
        reset();
        SearchLibrary library = SearchLibrary.of(jdbc, context);
        Map<String, float[]> moods = new LinkedHashMap<>();
        moods.put("A/1.flac", new float[] {0.9f, 0.1f, 0.5f, 0.2f, 0.1f, 0.1f}); // danceable, happy (exactly 0.5)
        moods.put("A/2.flac", new float[] {0.8f, 0.1f, 0.49f, 0.7f, 0.1f, 0.1f}); // danceable, party
        moods.put("A/3.flac", new float[] {0.1f, 0.6f, 0.1f, 0.1f, 0.1f, 0.9f}); // aggressive, sad
        moods.put("A/4.flac", new float[] {0.9f, 0.9f, 0.9f, 0.9f, 0.9f, 0.9f}); // all, but no clap vector
        moods.put("Gone/5.flac", new float[] {0.9f, 0.9f, 0.9f, 0.9f, 0.9f, 0.9f}); // all, but its file is gone
        int i = 0;
        for (var entry : moods.entrySet()) {
            library.song(entry.getKey(), "Song " + i, "Artist", null, null);
            library.vector(entry.getKey(), "musicnn", "moods", entry.getValue());
            if (!entry.getKey().equals("A/4.flac")) {
                float[] clap = new float[4];
                clap[i % 4] = 1;
                library.vector(entry.getKey(), "clap", clap);
            }
            i++;
        }
        jdbc.sql("UPDATE song SET missing_since = now() WHERE path = 'Gone/5.flac'").update();
        library.refresh("clap");

        RawHttp.Answer answer = RawHttp.get(port, "/api/v1/moods");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.get("model").asString()).isEqualTo("clap");
        assertThat(body.get("threshold").asDouble()).isEqualTo(0.5);
        Map<String, Integer> expectedCounts = Map.of("danceable", 3, "aggressive", 2, "happy", 2, "party", 2,
                "relaxed", 1, "sad", 2);
        // centroids need a clap vector of a present song: A/4 has none and Gone/5 is gone, so relaxed has none
        Map<String, Boolean> expectedCentroids = Map.of("danceable", true, "aggressive", true, "happy", true,
                "party", true, "relaxed", false, "sad", true);
        assertThat(body.get("moods")).hasSize(6);
        for (int m = 0; m < 6; m++) {
            JsonNode mood = body.get("moods").get(m);
            String name = MOODS.get(m);
            assertThat(mood.get("name").asString()).isEqualTo(name);
            assertThat(mood.get("songs").asInt()).as(name).isEqualTo(expectedCounts.get(name));
            assertThat(mood.get("centroid").asBoolean()).as(name).isEqualTo(expectedCentroids.get(name));
        }
        assertThat(RawHttp.get(port, "/api/v1/moods?model=bogus").status()).isEqualTo(422);
        assertThat(RawHttp.get(port, "/api/v1/moods?model=clap").json().get("model").asString()).isEqualTo("clap");
    }
}
