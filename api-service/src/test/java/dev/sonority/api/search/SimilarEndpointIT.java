package dev.sonority.api.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.api.index.EmbeddedIndexes;
import dev.sonority.api.support.ApiIntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/songs/{file_path}/similar} replayed as Sola MPD sends it ({@code model_name=muq},
 * {@code limit=100}, no headers, {@code %2F}, {@code //api/v1}), on a library analysed with clap only, so every
 * answer comes from the fallback. Expected orders are computed here by brute-force cosine.
 */
class SimilarEndpointIT extends ApiIntegrationTest {

    static final String SEED = "Artist/Album/01 Title.flac";
    static final String SAME_ALBUM = "Artist/Album/02 Second.flac";
    static final String OTHER_1 = "Other/Record/01 One.flac";
    static final String OTHER_2 = "Other/Record/02 Two.flac";
    static final String UNICODE = "Ünïcode/Ça va #1?.mp3";
    static final String SPACES = "A B/space song.flac";
    static final String DUPLICATE = "Artist/Best Of/01 Title.mp3";
    static final String NO_VECTOR = "NoVec/never analysed.flac";
    static final String GONE = "Gone/missing.flac";

    @Autowired
    EmbeddedIndexes indexes;

    @Autowired
    SongDirectory directory;

    final Map<String, float[]> clap = new LinkedHashMap<>();
    SearchLibrary library;

    @BeforeEach
    void library() {
        reset();
        library = new SearchLibrary(jdbc, indexes, directory);
        library.song(SEED, "Title", "Artist", "Album", "Rock");
        library.song(SAME_ALBUM, "Second", "Artist", "Album", "Rock");
        library.song(OTHER_1, "One", "Other", "Record", null);
        library.song(OTHER_2, "Two", "Other", "Record", "Jazz");
        library.song(UNICODE, "Ça va", "Üni", null, null);
        library.song(SPACES, "Space", null, null, null);
        library.song(DUPLICATE, "Title", "Artist", "Best Of", "Rock");
        library.song(NO_VECTOR, "Never", "Nobody", null, null);
        library.song(GONE, "Gone", "Ghost", null, null);
        jdbc.sql("UPDATE song SET missing_since = now() WHERE path = :p").param("p", GONE).update();
        clap.put(SEED, v(1, 0, 0, 0));
        clap.put(SAME_ALBUM, v(1, 0.1f, 0, 0));
        clap.put(OTHER_1, v(1, 0.3f, 0, 0));
        clap.put(OTHER_2, v(1, 0, 0.5f, 0));
        clap.put(UNICODE, v(1, 0, 0, 1));
        clap.put(SPACES, v(0, 1, 0, 0));
        clap.put(DUPLICATE, v(1, 0, 0, 0));
        clap.put(GONE, v(1, 0.05f, 0, 0));
        clap.forEach((path, vector) -> library.vector(path, "clap", vector));
        library.vector(SPACES, "musicnn", v(0.3f, 0.2f, 0.1f, 0)); // musicnn has vectors, but not of the seed
        library.refresh("clap", "musicnn", "muq");
    }

    @Test
    void solaMpdsRequestFallsBackToClapAndListsEveryOtherSongByCosine() {
        RawHttp.Answer answer = get("/api/v1/songs/" + encoded(SEED) + "/similar?model_name=muq&limit=100");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("X-Sonority-Model")).isEqualTo("clap");
        JsonNode songs = answer.json().get("songs");
        assertThat(answer.json().propertyNames()).containsExactly("songs");
        assertThat(paths(songs)).containsExactlyElementsOf(expectedOrder(SEED));
        JsonNode first = songs.get(0);
        assertThat(first.propertyNames()).containsExactly("file_path", "title", "artist", "album", "genre", "score");
        assertThat(first.get("score").asDouble()).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        JsonNode other = songs.get(2);
        assertThat(other.get("file_path").asString()).isEqualTo(OTHER_1);
        assertThat(other.get("genre").isNull()).isTrue();
        assertThat(other.get("score").asDouble()).isEqualTo(cosine(clap.get(SEED), clap.get(OTHER_1)),
                org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void pathsArriveAsOneEncodedSegmentSeveralSegmentsDoubleSlashOrWithoutHeaders() {
        List<String> expected = expectedOrder(SEED);
        assertThat(paths(get("/api/v1/songs/Artist/Album/01%20Title.flac/similar").json().get("songs")))
                .containsExactlyElementsOf(expected.subList(0, 6)); // default limit 10: all six
        assertThat(paths(get("//api/v1/songs/" + encoded(SEED) + "/similar?model_name=muq&limit=100").json()
                .get("songs"))).containsExactlyElementsOf(expected);
        var bare = http().bare("GET", "/api/v1/songs/" + encoded(SEED) + "/similar?model_name=muq&limit=100");
        assertThat(bare.status()).isEqualTo(200);
        assertThat(bare.json().get("songs")).hasSize(expected.size());
        RawHttp.Answer unicode = get("/api/v1/songs/" + encoded(UNICODE) + "/similar?model_name=muq&limit=2");
        assertThat(unicode.status()).isEqualTo(200);
        assertThat(paths(unicode.json().get("songs"))).containsExactlyElementsOf(expectedOrder(UNICODE).subList(0, 2));
    }

    @Test
    void limitCutsTheListAndTheSeedIsNeverInIt() {
        JsonNode songs = get("/api/v1/songs/" + encoded(SAME_ALBUM) + "/similar?limit=3").json().get("songs");
        assertThat(paths(songs)).containsExactlyElementsOf(expectedOrder(SAME_ALBUM).subList(0, 3))
                .doesNotContain(SAME_ALBUM);
    }

    @Test
    void unknownSongAndSongWithoutVectorsAre404InLainbowsWords() {
        RawHttp.Answer unknown = get("/api/v1/songs/" + encoded("Nope/none.flac") + "/similar?model_name=muq&limit=100");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asString()).isEqualTo("Vector for model 'muq' not found for this song.");
        RawHttp.Answer escape = get("/api/v1/songs/..%2F..%2Fetc%2Fpasswd/similar");
        assertThat(escape.status()).isEqualTo(404);
        RawHttp.Answer unanalysed = get("/api/v1/songs/" + encoded(NO_VECTOR) + "/similar?model_name=muq&limit=100");
        assertThat(unanalysed.status()).isEqualTo(404);
        assertThat(unanalysed.json().get("detail").asString())
                .startsWith("Vector for model 'muq' not found for this song.").contains("run analyze")
                .contains("muq, mert, musicnn, clap, acoustic_features");
    }

    @Test
    void invalidLimitOrModelIs422WithFastApisBody() {
        for (String limit : List.of("0", "-1", "1001", "abc")) {
            RawHttp.Answer answer = get("/api/v1/songs/" + encoded(SEED) + "/similar?limit=" + limit);
            assertThat(answer.status()).as("limit=%s", limit).isEqualTo(422);
            JsonNode violation = answer.json().get("detail").get(0);
            assertThat(violation.get("loc").toString()).isEqualTo("[\"query\",\"limit\"]");
        }
        assertThat(get("/api/v1/songs/" + encoded(SEED) + "/similar?limit=1000").status()).isEqualTo(200);
        RawHttp.Answer model = get("/api/v1/songs/" + encoded(SEED) + "/similar?model_name=bogus");
        assertThat(model.status()).isEqualTo(422);
        assertThat(model.json().get("detail").get(0).get("msg").asString())
                .isEqualTo("Input should be 'acoustic_features', 'clap', 'mert', 'muq', 'muq_mulan' or 'musicnn'");
        assertThat(model.json().get("detail").get(0).get("type").asString()).isEqualTo("enum");
    }

    @Test
    void anAnalysedRequestedModelAnswersItself() {
        RawHttp.Answer answer = get("/api/v1/songs/" + encoded(SPACES) + "/similar?model_name=musicnn");
        assertThat(answer.header("X-Sonority-Model")).isEqualTo("musicnn");
        assertThat(answer.json().get("songs")).isEmpty(); // the only musicnn song is the seed itself
    }

    @Test
    void filtersCapArtistsDropTheSeedsAlbumAndDuplicates() {
        String base = "/api/v1/songs/" + encoded(SEED) + "/similar?limit=100";
        assertThat(paths(get(base + "&max_per_artist=1").json().get("songs")))
                .containsExactly(DUPLICATE, OTHER_1, UNICODE, SPACES);
        assertThat(paths(get(base + "&exclude_album=true").json().get("songs")))
                .containsExactly(DUPLICATE, OTHER_1, OTHER_2, UNICODE, SPACES);
        assertThat(paths(get(base + "&duplicate_distance=0.001").json().get("songs")))
                .containsExactly(SAME_ALBUM, OTHER_1, OTHER_2, UNICODE, SPACES);
        assertThat(get(base + "&max_per_artist=0").status()).isEqualTo(422);
    }

    /**
     * {@code order=walk} (Lainbow's endpoint and Sonority's): the same songs as by score, as a walk from the seed
     * whose total angular length is the shortest of all 362,880 orders of the nine songs (brute force here),
     * which is shorter than the order by score: three more songs on both sides of the seed in the fourth
     * dimension (at -15, 10 and 30 degrees) make the order by score jump from side to side.
     */
    @Test
    void orderWalkGivesTheSameSongsAsTheShortestWalkFromTheSeed() {
        for (var side : java.util.Map.of("Walk/left.flac", -15.0, "Walk/right.flac", 10.0,
                "Walk/far right.flac", 30.0).entrySet()) {
            library.song(side.getKey(), side.getKey(), "Walker", null, null);
            double radians = Math.toRadians(side.getValue());
            clap.put(side.getKey(), v((float) Math.cos(radians), 0, 0, (float) Math.sin(radians)));
            library.vector(side.getKey(), "clap", clap.get(side.getKey()));
        }
        library.refresh("clap");
        List<String> byScore = expectedOrder(SEED);
        double shortest = shortestWalk(clap.get(SEED), byScore, new ArrayList<>(), 0);
        assertThat(shortest).isLessThan(walkLength(SEED, byScore) - 1e-3);
        for (String request : List.of("/api/v1/songs/" + encoded(SEED) + "/similar?limit=100&order=walk",
                "/api/v1/similar?song=" + encoded(SEED) + "&limit=100&order=walk")) {
            RawHttp.Answer answer = get(request);
            assertThat(answer.status()).as(request).isEqualTo(200);
            List<String> walk = paths(answer.json().get("songs"));
            assertThat(walk).as(request).containsExactlyInAnyOrderElementsOf(byScore);
            assertThat(walkLength(SEED, walk)).as(request).isCloseTo(shortest, org.assertj.core.data.Offset.offset(1e-5));
        }
        assertThat(paths(get("/api/v1/similar?song=" + encoded(SEED) + "&limit=100&order=score").json().get("songs")))
                .containsExactlyElementsOf(byScore);
        RawHttp.Answer bad = get("/api/v1/similar?song=" + encoded(SEED) + "&order=random");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("detail").asString()).isEqualTo("Input should be 'score' or 'walk'");
    }

    private double walkLength(String seed, List<String> order) {
        double total = 0;
        float[] at = clap.get(seed);
        for (String path : order) {
            total += Math.acos(Math.min(1, cosine(at, clap.get(path)))) / Math.PI;
            at = clap.get(path);
        }
        return total;
    }

    private double shortestWalk(float[] at, List<String> left, List<String> taken, double sofar) {
        if (left.isEmpty()) {
            return sofar;
        }
        double best = Double.MAX_VALUE;
        for (String next : left) {
            List<String> rest = new ArrayList<>(left);
            rest.remove(next);
            best = Math.min(best, shortestWalk(clap.get(next), rest, taken,
                    sofar + Math.acos(Math.min(1, cosine(at, clap.get(next)))) / Math.PI));
        }
        return best;
    }

    @Test
    void explainGivesTempoKeyLoudnessAndSharedTags() {
        library.descriptors(SEED, 120, "A", "minor", -9);
        library.descriptors(OTHER_1, 126.5, "C", "major", -11.5);
        float[] seedTags = new float[50];
        float[] otherTags = new float[50];
        for (int i = 0; i < 5; i++) {
            seedTags[i] = 0.9f - i * 0.1f;      // rock, pop, alternative, indie, electronic
            otherTags[i + 3] = 0.9f - i * 0.1f; // indie, electronic, female vocalists, dance, 00s
        }
        library.vector(SEED, "musicnn", "tags", seedTags);
        library.vector(OTHER_1, "musicnn", "tags", otherTags);
        JsonNode songs = get("/api/v1/songs/" + encoded(SEED) + "/similar?limit=100&explain=true").json().get("songs");
        JsonNode other = songs.get(2).get("explanation");
        assertThat(songs.get(2).get("file_path").asString()).isEqualTo(OTHER_1);
        assertThat(other.get("tempo").get("difference").asDouble()).isEqualTo(6.5);
        assertThat(other.get("key").get("relation").asString()).isEqualTo("relative"); // A minor / C major
        assertThat(other.get("key").get("seed").asString()).isEqualTo("A minor");
        assertThat(other.get("loudness").get("difference").asDouble()).isEqualTo(2.5);
        // indie 0.6*0.9, electronic 0.5*0.8: indie first
        assertThat(other.get("shared_tags").toString()).isEqualTo("[\"indie\",\"electronic\"]");
        assertThat(songs.get(0).get("explanation").has("tempo")).isFalse(); // no descriptors for the duplicate
    }

    @Test
    void deletedAndUpdatedVectorsAreSeenAfterARefresh() {
        jdbc.sql("DELETE FROM song WHERE path = :p").param("p", DUPLICATE).update();
        clap.remove(DUPLICATE);
        clap.put(SPACES, v(1, 0, 0, 0.01f));
        library.vector(SPACES, "clap", clap.get(SPACES));
        library.refresh("clap");
        assertThat(paths(get("/api/v1/songs/" + encoded(SEED) + "/similar?limit=100").json().get("songs")))
                .containsExactlyElementsOf(expectedOrder(SEED)).startsWith(SPACES);
    }

    @Test
    void indexStateIsListedAndARebuildOnDemandKeepsAnswering() throws Exception {
        JsonNode indexes = get("/api/v1/index").json().get("indexes");
        JsonNode clapIndex = null;
        for (JsonNode index : indexes) {
            if (index.get("model").asString().equals("clap")) {
                clapIndex = index;
            }
        }
        assertThat(clapIndex).isNotNull();
        assertThat(clapIndex.get("ready").asBoolean()).isTrue();
        assertThat(clapIndex.get("songs").asInt()).isEqualTo(clap.size());
        assertThat(clapIndex.get("vector_bytes").asLong()).isEqualTo(clap.size() * 4L * 4);
        var rebuild = http().post("/api/v1/index/clap/rebuild");
        assertThat(rebuild.status()).isEqualTo(202);
        assertThat(paths(get("/api/v1/songs/" + encoded(SEED) + "/similar?limit=100").json().get("songs")))
                .containsExactlyElementsOf(expectedOrder(SEED));
        var unknown = http().post("/api/v1/index/nope/rebuild");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    private RawHttp.Answer get(String rawPath) {
        return RawHttp.get(port, rawPath);
    }

    /** As encodeURIComponent writes it: {@code /} as %2F, space as %20, {@code #} %23, {@code ?} %3F, UTF-8. */
    static String encoded(String path) {
        return URLEncoder.encode(path, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private List<String> expectedOrder(String seed) {
        List<String> others = new ArrayList<>(clap.keySet());
        others.remove(seed);
        others.remove(GONE);
        others.sort(Comparator.comparingDouble((String p) -> -cosine(clap.get(seed), clap.get(p)))
                .thenComparing(p -> library.ids.get(p)));
        return others;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    static float[] v(float... values) {
        return values;
    }

    static List<String> paths(JsonNode songs) {
        return SearchLibrary.paths(songs);
    }
}
