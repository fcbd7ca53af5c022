package dev.sonority.api.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.api.index.EmbeddedIndexes;
import dev.sonority.api.support.ApiIntegrationTest;
import dev.sonority.api.support.Http;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/playlists} with {@code {"from": {"similar": ...}}}: the saved songs are the seed followed by
 * what similar search answers, through the same model fallback (the library has clap vectors only, Sola MPD's
 * default muq falls back). Expected orders are computed here by brute-force cosine.
 */
class SimilarPlaylistSourceIT extends ApiIntegrationTest {

    static final String SEED = "Seed/Album/01 Seed.flac";
    static final String NO_VECTOR = "Nobody/never analysed.flac";

    @Autowired
    EmbeddedIndexes indexes;

    @Autowired
    SongDirectory directory;

    final Map<String, float[]> clap = new LinkedHashMap<>();
    final Map<String, String> artists = new HashMap<>();
    SearchLibrary library;

    @BeforeEach
    void library() {
        reset();
        library = new SearchLibrary(jdbc, indexes, directory);
        add(SEED, "Seed", 1, 0, 0, 0);
        add("A/1.flac", "A", 1, 0.1f, 0, 0);
        add("A/2.flac", "A", 1, 0.2f, 0.05f, 0);
        add("A/3.flac", "A", 1, 0.3f, 0, 0.1f);
        add("B/1.flac", "B", 1, 0, 0.35f, 0);
        add("B/2.flac", "B", 1, 0, 0.6f, 0.2f);
        add("C/1.flac", "C", 0.2f, 1, 0, 0);
        add("C/2.flac", "C", 0, 0, 1, 0.4f);
        library.song(NO_VECTOR, "Never", "Nobody", null, null);
        library.refresh("clap", "muq");
    }

    void add(String path, String artist, float... vector) {
        library.song(path, path, artist, artist + " album", null);
        library.vector(path, "clap", vector);
        clap.put(path, vector);
        artists.put(path, artist);
    }

    Http.Response create(String body) {
        return http().post("/api/v1/playlists", body, "application/json");
    }

    static List<String> songs(JsonNode playlist) {
        List<String> paths = new ArrayList<>();
        playlist.get("songs").forEach(s -> paths.add(s.get("file_path").asString()));
        return paths;
    }

    /** Every other song with a vector, nearest to {@code query} first. */
    List<String> byCosine(float[] query, List<String> seeds) {
        List<String> others = new ArrayList<>(clap.keySet());
        others.removeAll(seeds);
        others.sort(Comparator.comparingDouble((String p) -> -SimilarEndpointIT.cosine(query, clap.get(p))));
        return others;
    }

    @Test
    void theSeedAndItsNearestSongsAreSavedWithTheRequestAndTheModelThatAnswered() {
        String request = "{\"song\": \"" + SEED + "\", \"model\": \"muq\", \"limit\": 4}";

        Http.Response created = create("{\"name\": \"Like the seed\", \"from\": {\"similar\": " + request + "}}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("X-Sonority-Model")).isEqualTo("clap");
        JsonNode playlist = created.json();
        List<String> expected = new ArrayList<>(List.of(SEED));
        expected.addAll(byCosine(clap.get(SEED), List.of(SEED)).subList(0, 4));
        assertThat(songs(playlist)).containsExactlyElementsOf(expected);
        assertThat(playlist.get("source").asString()).isEqualTo("similar");
        // the request as sent (jsonb keeps the values, not the order of keys)
        assertThat(playlist.get("request"))
                .isEqualTo(tools.jackson.databind.json.JsonMapper.builder().build().readTree("{\"similar\": " + request + "}"));
        assertThat(songs(http().get("/api/v1/playlists/" + playlist.get("id").asLong()).json()))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void severalSeedsArtistCapAndNoSeedsFollowTheSimilarOptions() {
        List<String> seeds = List.of(SEED, "B/1.flac");
        Http.Response created = create("{\"name\": \"Two seeds\", \"from\": {\"similar\": {\"song\": [\"" + SEED
                + "\", \"B/1.flac\"], \"max_per_artist\": 1, \"include_seeds\": false, \"limit\": 10}}}");

        assertThat(created.status()).isEqualTo(201);
        float[] centroid = new float[4];
        for (String seed : seeds) {
            float[] v = clap.get(seed);
            double norm = Math.sqrt(dot(v, v));
            for (int i = 0; i < 4; i++) {
                centroid[i] += (float) (v[i] / norm);
            }
        }
        List<String> expected = new ArrayList<>();
        Map<String, Integer> perArtist = new HashMap<>();
        for (String path : byCosine(centroid, seeds)) {
            if (perArtist.merge(artists.get(path), 1, Integer::sum) <= 1) {
                expected.add(path);
            }
        }
        assertThat(songs(created.json())).containsExactlyElementsOf(expected).doesNotContainAnyElementsOf(seeds);
        assertThat(expected).hasSize(3); // one each of A, B, C
    }

    @Test
    void badSimilarRequestsAre422Or404AndSaveNothing() {
        Map<String, String> unprocessable = new LinkedHashMap<>();
        unprocessable.put("{\"sogn\": \"" + SEED + "\"}", "[\"body\",\"from\",\"similar\",\"sogn\"]");
        unprocessable.put("{}", "[\"body\",\"from\",\"similar\",\"song\"]");
        unprocessable.put("{\"song\": []}", "[\"body\",\"from\",\"similar\",\"song\"]");
        unprocessable.put("{\"song\": \"" + SEED + "\", \"limit\": 0}", "[\"body\",\"from\",\"similar\",\"limit\"]");
        unprocessable.put("{\"song\": \"" + SEED + "\", \"limit\": 1001}", "[\"body\",\"from\",\"similar\",\"limit\"]");
        unprocessable.put("{\"song\": \"" + SEED + "\", \"model\": \"nope\"}", "[\"body\",\"from\",\"similar\",\"model\"]");
        unprocessable.put("{\"song\": \"" + SEED + "\", \"moods\": [\"sleepy\"]}", "[\"body\",\"from\",\"similar\",\"moods\"]");
        unprocessable.put("{\"song\": \"" + SEED + "\", \"max_per_artist\": {\"a\": 1}}",
                "[\"body\",\"from\",\"similar\",\"max_per_artist\"]");
        unprocessable.put("{\"song\": \"" + SEED + "\", \"include_seeds\": \"perhaps\"}",
                "[\"body\",\"from\",\"similar\",\"include_seeds\"]");
        unprocessable.put("[\"" + SEED + "\"]", "[\"body\",\"from\",\"similar\"]");
        unprocessable.forEach((request, loc) -> {
            Http.Response response = create("{\"name\": \"x\", \"from\": {\"similar\": " + request + "}}");
            assertThat(response.status()).as(request).isEqualTo(422);
            assertThat(response.json().get("errors").get(0).get("loc").toString()).as(request).isEqualTo(loc);
        });
        Http.Response unknown = create("{\"name\": \"x\", \"from\": {\"similar\": {\"song\": \"No/such.flac\"}}}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asString()).isEqualTo("Song not found: No/such.flac");
        Http.Response unanalysed = create("{\"name\": \"x\", \"from\": {\"similar\": {\"song\": \"" + NO_VECTOR
                + "\"}}}");
        assertThat(unanalysed.status()).isEqualTo(404);
        assertThat(unanalysed.json().get("detail").asString()).contains("run analyze");
        assertThat(http().get("/api/v1/playlists").json().get("total").asLong()).isZero();
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
