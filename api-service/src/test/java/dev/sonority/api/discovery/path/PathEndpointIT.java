package dev.sonority.api.discovery.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sonority.api.search.RawHttp;
import dev.sonority.api.search.SearchLibrary;
import dev.sonority.api.support.ApiIntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/path} on a library whose songs lie on two quarter circles of a 4-d clap space, so every
 * expected path and distance follows from the angles (an angle of a degrees is an angular distance of a / 180).
 * The library has clap vectors only: the default chain (muq first) answers with clap.
 */
class PathEndpointIT extends ApiIntegrationTest {

    @Autowired
    ApplicationContext context;

    SearchLibrary library;

    /** "Arc/030.flac" lies at 30 degrees in the (x, y) plane; every song by its own artist. */
    static String arc(int degrees) {
        return String.format("Arc/%03d.flac", degrees);
    }

    /** "Solo/050.flac" lies at 50 degrees in the (z, w) plane; all by one artist. */
    static String solo(int degrees) {
        return String.format("Solo/%03d.flac", degrees);
    }

    static final int[] SOLO = {0, 15, 35, 50, 70, 90};

    @BeforeEach
    void library() {
        reset();
        library = SearchLibrary.of(jdbc, context);
        for (int degrees = 0; degrees <= 90; degrees += 10) {
            library.song(arc(degrees), "Arc " + degrees, "Artist " + degrees, "Arcs", null);
            library.vector(arc(degrees), "clap", onPlane(degrees, 0));
        }
        for (int degrees : SOLO) {
            library.song(solo(degrees), "Solo " + degrees, "Solo", "Alone", null);
            library.vector(solo(degrees), "clap", onPlane(degrees, 2));
        }
        library.refresh("clap");
    }

    @Test
    void aPathAlongTheArcTakesEverySongInOrderTenDegreesApart() {
        RawHttp.Answer answer = get("/api/v1/path?from=" + encoded(arc(0)) + "&to=" + encoded(arc(90)) + "&steps=10");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("X-Sonority-Model")).isEqualTo("clap");
        JsonNode body = answer.json();
        assertThat(body.propertyNames()).containsExactly("model", "songs", "total_distance", "max_step");
        assertThat(body.get("model").asString()).isEqualTo("clap");
        assertThat(SearchLibrary.paths(body.get("songs")))
                .containsExactlyElementsOf(IntStream.rangeClosed(0, 9).mapToObj(i -> arc(i * 10)).toList());
        JsonNode first = body.get("songs").get(0);
        assertThat(first.propertyNames()).containsExactly("file_path", "title", "artist", "album", "genre",
                "distance_from_previous");
        assertThat(first.get("distance_from_previous").isNull()).isTrue();
        for (int i = 1; i < 10; i++) {
            assertThat(body.get("songs").get(i).get("distance_from_previous").asDouble()).isCloseTo(10 / 180.0, within(1e-5));
        }
        assertThat(body.get("total_distance").asDouble()).isCloseTo(0.5, within(1e-5));
        assertThat(body.get("max_step").asDouble()).isCloseTo(10 / 180.0, within(1e-5));
    }

    @Test
    void aPathAskingForMoreSongsThanThereAreIsShorterWithAMessageOrRefusedWhenFixedSize() {
        String base = "/api/v1/path?from=" + encoded(arc(0)) + "&to=" + encoded(arc(90)) + "&steps=19";
        JsonNode body = get(base).json();
        List<String> songs = SearchLibrary.paths(body.get("songs"));
        assertThat(songs).hasSizeLessThan(19).startsWith(arc(0)).endsWith(arc(90)).doesNotHaveDuplicates();
        assertThat(body.get("message").asString()).startsWith(songs.size() + " of 19 songs");
        RawHttp.Answer fixed = get(base + "&fixed_size=true");
        assertThat(fixed.status()).isEqualTo(422);
        assertThat(fixed.json().get("detail").asString()).startsWith("No path of exactly 19 songs");
        assertThat(SearchLibrary.paths(get(base.replace("steps=19", "steps=10") + "&fixed_size=true").json()
                .get("songs"))).hasSize(10);
    }

    /**
     * One artist, cap 3 counting both ends: one song between them. The one that makes the largest step smallest
     * is at 50 degrees (steps 50 and 40); greedy would take the song nearest the first point (15, then a 75-degree
     * step). The arc songs are removed first: as candidates of every point they would fill the other points.
     */
    @Test
    void theArtistCapCountsTheEndSongsAndTheGlobalChoiceTakesTheMiddleSong() {
        jdbc.sql("DELETE FROM song WHERE path LIKE 'Arc/%'").update();
        library.refresh("clap");
        JsonNode body = get("/api/v1/path?from=" + encoded(solo(0)) + "&to=" + encoded(solo(90)) + "&steps=6").json();
        assertThat(SearchLibrary.paths(body.get("songs"))).containsExactly(solo(0), solo(50), solo(90));
        assertThat(body.get("max_step").asDouble()).isCloseTo(50 / 180.0, within(1e-5));
        JsonNode capTwo = get("/api/v1/path?from=" + encoded(solo(0)) + "&to=" + encoded(solo(90))
                + "&steps=6&max_per_artist=2").json();
        assertThat(SearchLibrary.paths(capTwo.get("songs"))).containsExactly(solo(0), solo(90));
        assertThat(capTwo.get("max_step").asDouble()).isCloseTo(0.5, within(1e-5));
    }

    /**
     * Happy: the songs at 0, 10 and 20 degrees (centroid at 10); sad: 70, 80, 90 (centroid at 80). The path from
     * happy to sad starts at the song nearest happy's centroid and ends at the one nearest sad's.
     */
    @Test
    void moodEndsAreTheMostTypicalSongsOfTheirMoods() {
        for (int degrees = 0; degrees <= 90; degrees += 10) {
            boolean happy = degrees <= 20;
            boolean sad = degrees >= 70;
            // danceable, aggressive, happy, party, relaxed, sad
            library.vector(arc(degrees), "musicnn", "moods", 0.1f, 0.1f, happy ? 0.9f : 0.2f, 0.1f, 0.3f,
                    sad ? 0.8f : 0.4f);
        }
        JsonNode body = get("/api/v1/path?from_mood=happy&to_mood=SAD&steps=8").json();
        assertThat(SearchLibrary.paths(body.get("songs")))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 8).mapToObj(i -> arc(i * 10)).toList());
        JsonNode mixed = get("/api/v1/path?from=" + encoded(arc(40)) + "&to_mood=sad&steps=5").json();
        assertThat(SearchLibrary.paths(mixed.get("songs"))).containsExactly(arc(40), arc(50), arc(60), arc(70), arc(80));
        assertThat(get("/api/v1/path?from_mood=party&to_mood=sad").status()).isEqualTo(404); // no song is party
    }

    @Test
    void badInputIsAClearProblem() {
        String to = "&to=" + encoded(arc(90));
        RawHttp.Answer unknown = get("/api/v1/path?from=" + encoded("No/such.flac") + to);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asString()).isEqualTo("Song not found: No/such.flac");
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        RawHttp.Answer same = get("/api/v1/path?from=" + encoded(arc(90)) + to);
        assertThat(same.status()).isEqualTo(422);
        assertThat(same.json().get("detail").asString()).isEqualTo("from and to are the same song");
        for (String steps : List.of("1", "201", "0")) {
            RawHttp.Answer answer = get("/api/v1/path?from=" + encoded(arc(0)) + to + "&steps=" + steps);
            assertThat(answer.status()).as("steps=%s", steps).isEqualTo(422);
            assertThat(answer.json().get("detail").asString()).isEqualTo("Input should be between 2 and 200");
        }
        RawHttp.Answer mood = get("/api/v1/path?from_mood=grumpy" + to);
        assertThat(mood.status()).isEqualTo(422);
        assertThat(mood.json().get("detail").asString())
                .isEqualTo("Unknown mood 'grumpy'; valid moods: danceable, aggressive, happy, party, relaxed, sad");
        assertThat(get("/api/v1/path?to=" + encoded(arc(0))).json().get("detail").asString())
                .isEqualTo("Give exactly one of from=PATH or from_mood=MOOD");
        assertThat(get("/api/v1/path?from=" + encoded(arc(0)) + "&from_mood=happy" + to).status()).isEqualTo(422);
        assertThat(get("/api/v1/path?from=" + encoded(arc(0)) + to + "&max_per_artist=0").status()).isEqualTo(422);
        assertThat(get("/api/v1/path?from=" + encoded(arc(0)) + to + "&duplicate_distance=1.5").json().get("detail")
                .asString()).isEqualTo("Input should be between 0 and 1 (angular distance)");
        assertThat(get("/api/v1/path?from=" + encoded(arc(0)) + to + "&model=bogus").status()).isEqualTo(422);
        assertThat(get("/api/v1/path?from=" + encoded(arc(0)) + to + "&steps=many").status()).isEqualTo(422);
    }

    @Test
    void everyPathOfTheGeneratedArcKeepsTheRules() {
        for (int a = 0; a <= 90; a += 10) {
            for (int b = 0; b <= 90; b += 30) {
                if (a == b) {
                    continue;
                }
                JsonNode body = get("/api/v1/path?from=" + encoded(arc(a)) + "&to=" + encoded(arc(b)) + "&steps=6")
                        .json();
                List<String> songs = SearchLibrary.paths(body.get("songs"));
                assertThat(songs).as("%d -> %d", a, b).startsWith(arc(a)).endsWith(arc(b)).doesNotHaveDuplicates();
                assertThat(new HashSet<>(songs)).hasSameSizeAs(songs);
                double total = 0;
                for (int i = 1; i < songs.size(); i++) {
                    total += body.get("songs").get(i).get("distance_from_previous").asDouble();
                }
                assertThat(body.get("total_distance").asDouble()).isCloseTo(total, within(1e-5));
            }
        }
    }

    /**
     * {@code POST /api/v1/playlists} with {@code from.path}: the saved songs are the arc in order (each ten degrees
     * from the last, as the geometry gives), the request is kept, and the answering model is named.
     */
    @Test
    void aPathIsSavedAsAPlaylistWithItsRequest() {
        String request = "{\"from\": \"" + arc(0) + "\", \"to\": \"" + arc(90) + "\", \"steps\": 10}";
        RawHttp.Answer saved = RawHttp.post(port, "/api/v1/playlists", "{\"name\": \"Round the arc\", \"from\":"
                + " {\"path\": " + request + "}}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        assertThat(saved.header("X-Sonority-Model")).isEqualTo("clap");
        JsonNode playlist = saved.json();
        assertThat(playlist.get("source").asString()).isEqualTo("path");
        assertThat(playlist.get("request").get("path").get("steps").asInt()).isEqualTo(10);
        assertThat(SearchLibrary.paths(playlist.get("songs")))
                .containsExactlyElementsOf(IntStream.rangeClosed(0, 9).mapToObj(i -> arc(i * 10)).toList());
        assertThat(RawHttp.get(port, "/api/v1/playlists").json().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void aBadPathPlaylistRequestIsLocatedInTheBodyAndSavesNothing() {
        String ends = "\"from\": \"" + arc(0) + "\", \"to\": \"" + arc(90) + "\"";
        expectPlaylist422("{" + ends + ", \"steps\": 1}", "[\"body\",\"from\",\"path\",\"steps\"]",
                "Input should be between 2 and 200");
        expectPlaylist422("{" + ends + ", \"steps\": \"many\"}", "[\"body\",\"from\",\"path\",\"steps\"]",
                "Input should be a valid integer, unable to parse string as an integer");
        expectPlaylist422("{" + ends + ", \"stepz\": 3}", "[\"body\",\"from\",\"path\",\"stepz\"]",
                "Unknown field 'stepz'; allowed: from, to, from_mood, to_mood, steps, model, max_per_artist,"
                        + " fixed_size, duplicate_distance");
        expectPlaylist422("{\"to\": \"" + arc(90) + "\"}", "[\"body\",\"from\",\"path\",\"from\"]",
                "Give exactly one of from=PATH or from_mood=MOOD");
        expectPlaylist422("[1]", "[\"body\",\"from\",\"path\"]",
                "The path request must be an object such as {\"from\": PATH, \"to\": PATH}");
        RawHttp.Answer unknown = RawHttp.post(port, "/api/v1/playlists", "{\"name\": \"x\", \"from\": {\"path\":"
                + " {\"from\": \"No/such.flac\", \"to\": \"" + arc(90) + "\"}}}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asString()).isEqualTo("Song not found: No/such.flac");
        assertThat(RawHttp.get(port, "/api/v1/playlists").json().get("total").asInt()).isZero();
    }

    private void expectPlaylist422(String request, String loc, String message) {
        RawHttp.Answer answer = RawHttp.post(port, "/api/v1/playlists", "{\"name\": \"x\", \"from\": {\"path\": "
                + request + "}}");
        assertThat(answer.status()).as(request + " -> " + answer.body()).isEqualTo(422);
        JsonNode error = answer.json().get("errors").get(0);
        assertThat(error.get("loc").toString()).as(request).isEqualTo(loc);
        assertThat(error.get("msg").asString()).as(request).isEqualTo(message);
    }

    private RawHttp.Answer get(String rawPath) {
        return RawHttp.get(port, rawPath);
    }

    static String encoded(String path) {
        return URLEncoder.encode(path, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A unit vector at {@code degrees} in the plane of dimensions {@code first} and {@code first + 1}. */
    static float[] onPlane(double degrees, int first) {
        float[] v = new float[4];
        v[first] = (float) Math.cos(Math.toRadians(degrees));
        v[first + 1] = (float) Math.sin(Math.toRadians(degrees));
        return v;
    }
}
