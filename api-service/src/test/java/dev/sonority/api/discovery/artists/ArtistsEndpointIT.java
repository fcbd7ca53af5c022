package dev.sonority.api.discovery.artists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sonority.api.search.RawHttp;
import dev.sonority.api.search.SearchLibrary;
import dev.sonority.api.support.ApiIntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The artist endpoints on a small library: names that differ only in case and Unicode form are one artist, a
 * compilation's songs belong to its album artist, and similar artists are ranked by the angle between their
 * centroids (every artist here has fewer than ten songs), computed here by brute force.
 */
class ArtistsEndpointIT extends ApiIntegrationTest {

    @Autowired
    ApplicationContext context;

    /** Artist key (as the test groups them) to the clap vectors of its songs. */
    final Map<String, List<float[]>> vectors = new LinkedHashMap<>();

    @BeforeEach
    void library() {
        reset();
        SearchLibrary library = SearchLibrary.of(jdbc, context);
        song(library, "Bjork/1.flac", "Björk", null, "bjork", 10, 0);
        song(library, "Bjork/2.flac", "Björk", null, "bjork", 20, 5);
        song(library, "Bjork/3.flac", Normalizer.normalize("BJÖRK", Normalizer.Form.NFD), null, "bjork", 15, 10);
        song(library, "ACDC/1.flac", "AC/DC", null, "acdc", 80, 0);
        song(library, "ACDC/2.flac", "ac/dc ", null, "acdc", 85, 0);
        song(library, "Abba/1.flac", "ABBA", null, "abba", 30, 0);
        song(library, "Air/1.flac", "Air", null, "air", 50, 40);
        song(library, "Comp/1.flac", "Someone", "Various Artists", "various", 60, 20);
        song(library, "Comp/2.flac", "Someone Else", "Various Artists", "various", 0, 60);
        library.refresh("clap");
    }

    private void song(SearchLibrary library, String path, String artist, String albumArtist, String group,
            double degrees, double tilt) {
        library.song(path, path, artist, "Album", null);
        if (albumArtist != null) {
            jdbc.sql("UPDATE song SET album_artist = :a WHERE path = :p").param("a", albumArtist).param("p", path).update();
        }
        float[] v = {(float) Math.cos(Math.toRadians(degrees)), (float) Math.sin(Math.toRadians(degrees)),
                (float) Math.sin(Math.toRadians(tilt)), 0};
        library.vector(path, "clap", v);
        vectors.computeIfAbsent(group, g -> new ArrayList<>()).add(v);
    }

    @Test
    void listsArtistsByNameWithCountsPagesAndFiltersByPrefix() {
        JsonNode all = get("/api/v1/artists").json();
        assertThat(all.get("total").asInt()).isEqualTo(5);
        assertThat(names(all)).containsExactly("ABBA", "AC/DC", "Air", "Björk", "Various Artists");
        assertThat(all.get("artists").get(3).get("song_count").asInt()).isEqualTo(3);
        assertThat(all.get("artists").get(1).get("song_count").asInt()).isEqualTo(2);
        assertThat(names(get("/api/v1/artists?limit=2&offset=1").json())).containsExactly("AC/DC", "Air");
        assertThat(names(get("/api/v1/artists?q=a").json())).containsExactly("ABBA", "AC/DC", "Air");
        assertThat(names(get("/api/v1/artists?q=" + encoded("bJÖ")).json())).containsExactly("Björk");
        assertThat(get("/api/v1/artists?limit=0").status()).isEqualTo(422);
    }

    @Test
    void anArtistsSongsWhateverTheCaseOrUnicodeFormOfTheName() {
        for (String name : List.of("Björk", "björk", Normalizer.normalize("BJÖRK", Normalizer.Form.NFD))) {
            JsonNode body = get("/api/v1/artists/" + encoded(name) + "/songs").json();
            assertThat(body.get("artist").asString()).as(name).isEqualTo("Björk");
            assertThat(SearchLibrary.paths(body.get("songs"))).as(name)
                    .containsExactly("Bjork/1.flac", "Bjork/2.flac", "Bjork/3.flac");
            assertThat(body.get("total").asInt()).isEqualTo(3);
        }
        assertThat(SearchLibrary.paths(get("/api/v1/artists/AC%2FDC/songs").json().get("songs")))
                .containsExactly("ACDC/1.flac", "ACDC/2.flac");
        assertThat(SearchLibrary.paths(get("/api/v1/artists/various%20artists/songs?limit=1&offset=1").json()
                .get("songs"))).containsExactly("Comp/2.flac");
        RawHttp.Answer unknown = get("/api/v1/artists/Nobody/songs");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asString()).isEqualTo("Artist not found: Nobody");
    }

    @Test
    void similarArtistsAreRankedByTheAngleBetweenTheirCentroids() {
        Map<String, String> names = Map.of("bjork", "Björk", "acdc", "AC/DC", "abba", "ABBA", "air", "Air",
                "various", "Various Artists");
        float[] abba = centroid(vectors.get("abba"));
        List<String> others = new ArrayList<>(List.of("bjork", "acdc", "air", "various"));
        others.sort(Comparator.comparingDouble(g -> angle(abba, centroid(vectors.get(g)))));
        RawHttp.Answer answer = get("/api/v1/artists/abba/similar?limit=3");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("X-Sonority-Model")).isEqualTo("clap");
        JsonNode body = answer.json();
        assertThat(body.get("artist").asString()).isEqualTo("ABBA");
        assertThat(body.get("components").asInt()).isEqualTo(1);
        assertThat(names(body)).containsExactlyElementsOf(others.subList(0, 3).stream().map(names::get).toList());
        for (int i = 0; i < 3; i++) {
            assertThat(body.get("artists").get(i).get("distance").asDouble())
                    .isCloseTo(angle(abba, centroid(vectors.get(others.get(i)))), within(1e-5));
        }
        assertThat(get("/api/v1/artists/abba/similar?limit=0").status()).isEqualTo(422);
        assertThat(get("/api/v1/artists/abba/similar?limit=101").status()).isEqualTo(422);
        assertThat(get("/api/v1/artists/Nobody/similar").status()).isEqualTo(404);
    }

    private RawHttp.Answer get(String rawPath) {
        return RawHttp.get(port, rawPath);
    }

    private static List<String> names(JsonNode body) {
        List<String> names = new ArrayList<>();
        body.get("artists").forEach(a -> names.add(a.get("name").asString()));
        return names;
    }

    static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The normalised mean of the songs' normalised vectors. */
    private static float[] centroid(List<float[]> songs) {
        double[] sum = new double[songs.getFirst().length];
        for (float[] v : songs) {
            double norm = Math.sqrt(dot(v, v));
            for (int i = 0; i < sum.length; i++) {
                sum[i] += v[i] / norm;
            }
        }
        float[] c = new float[sum.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = (float) sum[i];
        }
        return c;
    }

    private static double angle(float[] a, float[] b) {
        return Math.acos(Math.max(-1, Math.min(1, dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b))))) / Math.PI;
    }

    private static double dot(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
        }
        return dot;
    }
}
