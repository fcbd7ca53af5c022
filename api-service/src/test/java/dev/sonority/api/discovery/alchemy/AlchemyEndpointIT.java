package dev.sonority.api.discovery.alchemy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sonority.api.search.RawHttp;
import dev.sonority.api.search.SearchLibrary;
import dev.sonority.api.support.ApiIntegrationTest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/alchemy} on a generated 8-d clap library: 20 songs around each of three directions (A, B,
 * C), and an artist whose 30 songs lie around three other directions. Expected songs are computed here by brute
 * force over the same vectors: distance to the nearest ADD point, the subtracted neighbourhood dropped.
 */
class AlchemyEndpointIT extends ApiIntegrationTest {

    private static final int DIM = 8;

    @Autowired
    ApplicationContext context;

    /** Path to unit vector, for every song. */
    final Map<String, float[]> vectors = new LinkedHashMap<>();

    @BeforeEach
    void library() {
        reset();
        SearchLibrary library = SearchLibrary.of(jdbc, context);
        Random random = new Random(21);
        for (int cluster = 0; cluster < 3; cluster++) {
            for (int i = 0; i < 20; i++) {
                String path = "ABC".charAt(cluster) + "/" + i + ".flac";
                add(library, path, "Title " + path, "Artist " + path, around(random, cluster, 0.25));
            }
        }
        for (int i = 0; i < 30; i++) {
            add(library, "Multi/" + i + ".flac", "Multi " + i, "Multi", around(random, 3 + i % 3, 0.08));
        }
        for (int i = 0; i < 5; i++) { // A/0 .. A/4 are happy
            library.vector("A/" + i + ".flac", "musicnn", "moods", 0.1f, 0.1f, 0.9f, 0.1f, 0.1f, 0.1f);
        }
        library.refresh("clap");
    }

    /**
     * Without subtraction, A/0's ten nearest include songs near A/1; the radius is chosen here (just above the
     * distance from A/1 to the third of them) so that subtracting A/1 must remove three of them.
     */
    @Test
    void subtractingAPointRemovesItsNeighbourhood() {
        List<String> near = nearestTo("A/0.flac", List.of("A/0.flac", "A/1.flac"), List.of(), 0, 10);
        List<String> without = paths(post("{\"add\": [{\"song\": \"A/0.flac\"}], \"subtract\": [{\"song\": \"A/1.flac\"}],"
                + " \"n\": 10, \"temperature\": 0, \"subtract_distance\": 0}"));
        assertThat(without).containsExactlyElementsOf(near);
        double radius = near.stream().mapToDouble(p -> distance(p, "A/1.flac")).sorted().skip(2).findFirst()
                .orElseThrow() + 1e-3;

        JsonNode body = post("{\"add\": [{\"song\": \"A/0.flac\"}], \"subtract\": [{\"song\": \"A/1.flac\"}],"
                + " \"n\": 10, \"temperature\": 0, \"subtract_distance\": " + radius + "}").json();
        List<String> with = paths(body);
        assertThat(with).containsExactlyElementsOf(nearestTo("A/0.flac", List.of("A/0.flac", "A/1.flac"),
                List.of("A/1.flac"), radius, 10));
        assertThat(with).hasSize(10).allMatch(p -> distance(p, "A/1.flac") >= radius);
        assertThat(near.stream().filter(p -> !with.contains(p))).hasSizeGreaterThanOrEqualTo(3);
        assertThat(body.get("filtered_out").asInt()).isPositive();
        assertThat(body.get("points")).hasSize(2);
        assertThat(body.get("points").get(1).get("side").asString()).isEqualTo("subtract");
        assertThat(body.get("points").get(1).get("item").toString()).isEqualTo("{\"song\":\"A/1.flac\"}");
    }

    @Test
    void temperatureZeroIsDeterministicAndTheNearestSongsWithTheirDistancesAndAProjection() {
        String request = "{\"add\": [{\"song\": \"B/3.flac\"}, {\"song\": \"C/5.flac\"}], \"n\": 12, \"temperature\": 0}";
        RawHttp.Answer first = RawHttp.post(port, "/api/v1/alchemy", request);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("X-Sonority-Model")).isEqualTo("clap");
        JsonNode body = first.json();
        List<String> expected = nearestTo(List.of("B/3.flac", "C/5.flac"), List.of("B/3.flac", "C/5.flac"), List.of(),
                0, 12);
        assertThat(paths(body)).containsExactlyElementsOf(expected);
        assertThat(paths(post(request).json())).containsExactlyElementsOf(expected);
        JsonNode song = body.get("songs").get(0);
        assertThat(song.propertyNames()).containsExactly("file_path", "title", "artist", "album", "genre", "distance",
                "x", "y");
        assertThat(song.get("distance").asDouble()).isCloseTo(Math.min(distance(expected.get(0), "B/3.flac"),
                distance(expected.get(0), "C/5.flac")), within(1e-5));

        // the projection: the first two principal components of the points and songs, computed here independently
        List<float[]> rows = new ArrayList<>(List.of(vectors.get("B/3.flac"), vectors.get("C/5.flac")));
        expected.forEach(p -> rows.add(vectors.get(p)));
        double[][] golden = principalPlane(rows);
        List<double[]> answered = new ArrayList<>();
        body.get("points").forEach(p -> answered.add(new double[] {p.get("x").asDouble(), p.get("y").asDouble()}));
        body.get("songs").forEach(s -> answered.add(new double[] {s.get("x").asDouble(), s.get("y").asDouble()}));
        for (int axis = 0; axis < 2; axis++) {
            double sign = Math.signum(golden[0][axis]) == Math.signum(answered.get(0)[axis]) ? 1 : -1;
            for (int i = 0; i < rows.size(); i++) {
                assertThat(answered.get(i)[axis]).as("row %d axis %d", i, axis).isCloseTo(sign * golden[i][axis], within(1e-4));
            }
        }
    }

    @Test
    void aSeedReproducesADrawAndTheAnswerGivesTheSeedItUsed() {
        String seeded = "{\"add\": [{\"song\": \"A/2.flac\"}], \"n\": 15, \"temperature\": 1.0, \"seed\": 7}";
        JsonNode once = post(seeded).json();
        assertThat(once.get("seed").asLong()).isEqualTo(7);
        assertThat(paths(post(seeded).json())).containsExactlyElementsOf(paths(once));
        JsonNode unseeded = post("{\"add\": [{\"song\": \"A/2.flac\"}], \"n\": 15, \"temperature\": 1.0}").json();
        long used = unseeded.get("seed").asLong();
        assertThat(paths(post("{\"add\": [{\"song\": \"A/2.flac\"}], \"n\": 15, \"temperature\": 1.0, \"seed\": " + used
                + "}").json())).containsExactlyElementsOf(paths(unseeded));
        // at temperature 1 the 57 other songs are all likely: 15 drawn out of them are not the 15 nearest
        assertThat(paths(once)).hasSize(15).doesNotHaveDuplicates().doesNotContain("A/2.flac")
                .isNotEqualTo(nearestTo("A/2.flac", List.of("A/2.flac"), List.of(), 0, 15));
    }

    @Test
    void anArtistWithManySongsInThreeStylesIsThreePointsAndAMoodIsItsCentroid() {
        JsonNode artist = post("{\"add\": [{\"artist\": \"MULTI\"}], \"n\": 5, \"temperature\": 0}").json();
        assertThat(artist.get("points")).hasSize(3);
        for (int i = 0; i < 3; i++) {
            JsonNode point = artist.get("points").get(i);
            assertThat(point.get("label").asString()).isEqualTo("Multi, part " + (i + 1) + " of 3");
            assertThat(point.get("weight").asDouble()).isCloseTo(1 / 3.0, within(0.01));
            assertThat(point.get("item").toString()).isEqualTo("{\"artist\":\"Multi\"}");
        }
        JsonNode mood = post("{\"add\": [{\"mood\": \"Happy\"}], \"n\": 6, \"temperature\": 0}").json();
        assertThat(mood.get("points").get(0).get("label").asString()).isEqualTo("happy");
        float[] centroid = new float[DIM];
        for (int i = 0; i < 5; i++) {
            float[] v = vectors.get("A/" + i + ".flac");
            for (int d = 0; d < DIM; d++) {
                centroid[d] += v[d];
            }
        }
        List<String> expected = vectors.keySet().stream()
                .sorted(Comparator.comparingDouble((String p) -> angle(vectors.get(p), centroid)).thenComparing(p -> p))
                .limit(6).toList();
        assertThat(paths(mood)).containsExactlyElementsOf(expected);
    }

    /** A playlist of three songs near A is their centroid; its own songs are not in the answer. */
    @Test
    void aPlaylistIsTheCentroidOfItsSongsWhichAreLeftOut() {
        List<String> members = List.of("A/0.flac", "A/3.flac", "A/6.flac");
        RawHttp.Answer created = RawHttp.post(port, "/api/v1/playlists", "{\"name\": \"Three of A\", \"songs\": [\""
                + String.join("\", \"", members) + "\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        JsonNode body = post("{\"add\": [{\"playlist\": " + id + "}], \"n\": 8, \"temperature\": 0}").json();
        assertThat(body.get("points")).hasSize(1);
        assertThat(body.get("points").get(0).get("label").asString()).isEqualTo("playlist Three of A");
        assertThat(body.get("points").get(0).get("item").toString()).isEqualTo("{\"playlist\":" + id + "}");
        float[] centroid = new float[DIM];
        members.forEach(m -> {
            for (int d = 0; d < DIM; d++) {
                centroid[d] += vectors.get(m)[d];
            }
        });
        List<String> expected = vectors.keySet().stream().filter(p -> !members.contains(p))
                .sorted(Comparator.comparingDouble((String p) -> angle(vectors.get(p), centroid)).thenComparing(p -> p))
                .limit(8).toList();
        assertThat(paths(body)).containsExactlyElementsOf(expected);
    }

    /**
     * {@code POST /api/v1/playlists} with {@code from.alchemy}: at temperature 0 the saved songs are the brute-force
     * nearest; with a seed, the same draw the endpoint answered; errors located under {@code from.alchemy}.
     */
    @Test
    void anAlchemyAnswerIsSavedAsAPlaylist() {
        RawHttp.Answer nearest = RawHttp.post(port, "/api/v1/playlists", "{\"name\": \"Near B3\", \"from\":"
                + " {\"alchemy\": {\"add\": [{\"song\": \"B/3.flac\"}], \"n\": 10, \"temperature\": 0,"
                + " \"model\": \"clap\"}}}");
        assertThat(nearest.status()).as(nearest.body()).isEqualTo(201);
        assertThat(nearest.header("X-Sonority-Model")).isEqualTo("clap");
        assertThat(nearest.json().get("source").asString()).isEqualTo("alchemy");
        assertThat(paths(nearest.json())).containsExactlyElementsOf(nearestTo("B/3.flac", List.of("B/3.flac"),
                List.of(), 0, 10));

        String seeded = "{\"add\": [{\"song\": \"A/2.flac\"}], \"n\": 15, \"temperature\": 1.0, \"seed\": 7}";
        RawHttp.Answer drawn = RawHttp.post(port, "/api/v1/playlists", "{\"name\": \"Drawn\", \"from\": {\"alchemy\": "
                + seeded + "}}");
        assertThat(drawn.status()).as(drawn.body()).isEqualTo(201);
        assertThat(paths(drawn.json())).hasSize(15).containsExactlyElementsOf(paths(post(seeded).json()));

        for (String[] bad : new String[][] {
                {"{\"add\": [{\"song\": \"A/2.flac\"}], \"n\": 0}", "[\"body\",\"from\",\"alchemy\",\"n\"]",
                        "Input should be between 1 and 500"},
                {"{\"add\": [{\"song\": \"A/2.flac\"}], \"n\": \"ten\"}", "[\"body\",\"from\",\"alchemy\"]",
                        "The alchemy request has a value of the wrong type at 'n'"},
                {"{\"add\": [{\"song\": \"A/2.flac\"}], \"model\": \"bogus\"}",
                        "[\"body\",\"from\",\"alchemy\",\"model\"]", null},
                {"{\"add\": [{\"mood\": \"grumpy\"}]}", "[\"body\",\"from\",\"alchemy\",\"add\",0,\"mood\"]",
                        "Unknown mood 'grumpy'; valid moods: danceable, aggressive, happy, party, relaxed, sad"}}) {
            RawHttp.Answer answer = RawHttp.post(port, "/api/v1/playlists", "{\"name\": \"x\", \"from\": {\"alchemy\": "
                    + bad[0] + "}}");
            assertThat(answer.status()).as(bad[0] + " -> " + answer.body()).isEqualTo(422);
            JsonNode error = answer.json().get("errors").get(0);
            assertThat(error.get("loc").toString()).as(bad[0]).isEqualTo(bad[1]);
            if (bad[2] != null) {
                assertThat(error.get("msg").asString()).as(bad[0]).isEqualTo(bad[2]);
            }
        }
        assertThat(RawHttp.get(port, "/api/v1/playlists").json().get("total").asInt()).isEqualTo(2);
    }

    @Test
    void aSubtractionThatRemovesEverythingIsAnEmptyListWithAMessage() {
        RawHttp.Answer answer = RawHttp.post(port, "/api/v1/alchemy", "{\"add\": [{\"song\": \"A/0.flac\"}],"
                + " \"subtract\": [{\"song\": \"A/0.flac\"}], \"subtract_distance\": 1}");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("songs")).isEmpty();
        assertThat(answer.json().get("message").asString()).startsWith("Every candidate was within subtract_distance");
    }

    @Test
    void badInputIsAClearProblem() {
        expect(RawHttp.post(port, "/api/v1/alchemy", "{\"add\": []}"), 422, "At least one ADD item is required");
        expect(RawHttp.post(port, "/api/v1/alchemy", "{}"), 422, "At least one ADD item is required");
        expect(RawHttp.post(port, "/api/v1/alchemy", ""), 422, "At least one ADD item is required");
        String song = "{\"add\": [{\"song\": \"A/0.flac\"}]";
        expect(RawHttp.post(port, "/api/v1/alchemy", song + ", \"n\": 0}"), 422, "Input should be between 1 and 500");
        expect(RawHttp.post(port, "/api/v1/alchemy", song + ", \"n\": 501}"), 422, "Input should be between 1 and 500");
        expect(RawHttp.post(port, "/api/v1/alchemy", song + ", \"temperature\": -0.5}"), 422,
                "Input should be greater than or equal to 0");
        expect(RawHttp.post(port, "/api/v1/alchemy", song + ", \"subtract_distance\": 2}"), 422,
                "Input should be between 0 and 1 (angular distance)");
        expect(RawHttp.post(port, "/api/v1/alchemy", "{\"add\": [{\"song\": \"No/such.flac\"}]}"), 404,
                "Song not found: No/such.flac");
        expect(RawHttp.post(port, "/api/v1/alchemy", "{\"add\": [{\"artist\": \"Nobody\"}]}"), 404,
                "Artist not found: Nobody");
        expect(RawHttp.post(port, "/api/v1/alchemy", "{\"add\": [{\"mood\": \"grumpy\"}]}"), 422,
                "Unknown mood 'grumpy'; valid moods: danceable, aggressive, happy, party, relaxed, sad");
        expect(RawHttp.post(port, "/api/v1/alchemy", "{\"add\": [{\"song\": \"A/0.flac\", \"mood\": \"happy\"}]}"), 422,
                "An item is exactly one of {\"song\": PATH}, {\"artist\": NAME}, {\"mood\": NAME} or {\"playlist\": ID}");
        expect(RawHttp.post(port, "/api/v1/alchemy", song + ", \"subtract\": [{\"playlist\": 3}]}"), 404,
                "Playlist not found: 3");
        long empty = RawHttp.post(port, "/api/v1/playlists", "{\"name\": \"Empty\", \"songs\": []}").json().get("id")
                .asLong();
        expect(RawHttp.post(port, "/api/v1/alchemy", "{\"add\": [{\"playlist\": " + empty + "}]}"), 422,
                "Playlist " + empty + " has no songs");
        RawHttp.Answer broken = RawHttp.post(port, "/api/v1/alchemy", "{\"add\": [");
        assertThat(broken.status()).isEqualTo(422);
        assertThat(RawHttp.post(port, "/api/v1/alchemy?model=bogus", song + "}").status()).isEqualTo(422);
    }

    private static void expect(RawHttp.Answer answer, int status, String detail) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("detail").asString()).isEqualTo(detail);
    }

    private RawHttp.Answer post(String json) {
        RawHttp.Answer answer = RawHttp.post(port, "/api/v1/alchemy", json);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer;
    }

    private static List<String> paths(RawHttp.Answer answer) {
        return paths(answer.json());
    }

    private static List<String> paths(JsonNode body) {
        return SearchLibrary.paths(body.get("songs"));
    }

    private List<String> nearestTo(String add, List<String> seeds, List<String> subtract, double radius, int n) {
        return nearestTo(List.of(add), seeds, subtract, radius, n);
    }

    /** Brute force: every song but the seeds, out of radius of every subtracted song, by distance to the nearest ADD. */
    private List<String> nearestTo(List<String> add, List<String> seeds, List<String> subtract, double radius, int n) {
        return vectors.keySet().stream().filter(p -> !seeds.contains(p))
                .filter(p -> subtract.stream().allMatch(s -> distance(p, s) >= radius))
                .sorted(Comparator.comparingDouble((String p) -> add.stream().mapToDouble(a -> distance(p, a)).min()
                        .orElseThrow()).thenComparing(p -> p))
                .limit(n).toList();
    }

    private double distance(String a, String b) {
        return angle(vectors.get(a), vectors.get(b));
    }

    private void add(SearchLibrary library, String path, String title, String artist, float[] vector) {
        library.song(path, title, artist, null, null);
        library.vector(path, "clap", vector);
        vectors.put(path, vector);
    }

    private static float[] around(Random random, int axis, double sigma) {
        float[] v = new float[DIM];
        v[axis] = 1;
        double norm = 0;
        for (int d = 0; d < DIM; d++) {
            v[d] += (float) (sigma * random.nextGaussian());
            norm += (double) v[d] * v[d];
        }
        for (int d = 0; d < DIM; d++) {
            v[d] = (float) (v[d] / Math.sqrt(norm));
        }
        return v;
    }

    private static double angle(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return Math.acos(Math.max(-1, Math.min(1, dot / Math.sqrt(na * nb)))) / Math.PI;
    }

    /** Coordinates on the two leading principal axes of the centred rows, by power iteration with deflation. */
    private static double[][] principalPlane(List<float[]> rows) {
        int n = rows.size();
        double[] mean = new double[DIM];
        rows.forEach(r -> {
            for (int d = 0; d < DIM; d++) {
                mean[d] += r[d] / (double) n;
            }
        });
        double[][] x = new double[n][DIM];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < DIM; d++) {
                x[i][d] = rows.get(i)[d] - mean[d];
            }
        }
        double[][] covariance = new double[DIM][DIM];
        for (double[] row : x) {
            for (int a = 0; a < DIM; a++) {
                for (int b = 0; b < DIM; b++) {
                    covariance[a][b] += row[a] * row[b];
                }
            }
        }
        double[][] coordinates = new double[n][2];
        for (int axis = 0; axis < 2; axis++) {
            double[] v = new double[DIM];
            java.util.Arrays.fill(v, 1);
            double eigen = 0;
            for (int iteration = 0; iteration < 5_000; iteration++) {
                double[] next = new double[DIM];
                for (int a = 0; a < DIM; a++) {
                    for (int b = 0; b < DIM; b++) {
                        next[a] += covariance[a][b] * v[b];
                    }
                }
                eigen = Math.sqrt(java.util.Arrays.stream(next).map(t -> t * t).sum());
                for (int a = 0; a < DIM; a++) {
                    v[a] = next[a] / eigen;
                }
            }
            for (int i = 0; i < n; i++) {
                for (int d = 0; d < DIM; d++) {
                    coordinates[i][axis] += x[i][d] * v[d];
                }
            }
            for (int a = 0; a < DIM; a++) { // deflate
                for (int b = 0; b < DIM; b++) {
                    covariance[a][b] -= eigen * v[a] * v[b];
                }
            }
        }
        return coordinates;
    }
}
