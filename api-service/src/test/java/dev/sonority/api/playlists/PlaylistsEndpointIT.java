package dev.sonority.api.playlists;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.api.support.ApiIntegrationTest;
import dev.sonority.api.support.Http;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The playlist endpoints against the real PostgreSQL: create from song paths, list, read, rename and change the
 * songs, delete, and the bad requests; songs vacuum deletes leave the playlist through V11's trigger. Songs are
 * written as the scan writes them; expected playlists are the test's own lists.
 */
class PlaylistsEndpointIT extends ApiIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String JSON_TYPE = "application/json";

    /** path to {title, artist, album, seconds}; insertion order. */
    final Map<String, Object[]> library = new LinkedHashMap<>();

    @BeforeEach
    void songs() {
        reset();
        song("Artist A/Album One/01 First.flac", "First", "Artist A", "Album One", 181.4);
        song("Artist A/Album One/02 Second.mp3", "Second", "Artist A", "Album One", 59.6);
        song("Ünïcödé/Ça va? #1 100% \"quoted\".ogg", "Ça va", "Ünï", null, 200.0);
        song("Spaces  in/it's, a comma.flac", null, null, null, null); // no tags at all
        song("Other/Record/05 Fifth.flac", "Fifth, with comma", "Other - Band", "Record", 3.5);
    }

    void song(String path, String title, String artist, String album, Double seconds) {
        jdbc.sql("""
                INSERT INTO song (path, title, artist, album, duration_seconds, file_size, file_mtime)
                VALUES (:path, :title, :artist, :album, :seconds, 1, now())""")
                .param("path", path).param("title", title).param("artist", artist).param("album", album)
                .param("seconds", seconds).update();
        library.put(path, new Object[] {title, artist, album, seconds});
    }

    List<String> paths() {
        return new ArrayList<>(library.keySet());
    }

    Http.Response create(String name, List<String> songs) {
        return http().post("/api/v1/playlists", JSON.writeValueAsString(Map.of("name", name, "songs", songs)),
                JSON_TYPE);
    }

    static List<String> songPaths(JsonNode playlist) {
        List<String> paths = new ArrayList<>();
        playlist.get("songs").forEach(s -> paths.add(s.get("file_path").asString()));
        return paths;
    }

    @Test
    void aPlaylistOfSongPathsIsSavedInOrderAndReadBack() {
        List<String> order = List.of(paths().get(2), paths().get(0), paths().get(4), paths().get(0));

        Http.Response created = create("Evening mix", order);

        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.header("Location")).isEqualTo("/api/v1/playlists/" + id);
        assertThat(created.contentType()).startsWith(JSON_TYPE);
        JsonNode body = created.json();
        assertThat(body.get("name").asString()).isEqualTo("Evening mix");
        assertThat(body.get("source").asString()).isEqualTo("manual");
        assertThat(body.get("request").isNull()).isTrue();
        assertThat(body.get("song_count").asInt()).isEqualTo(4);
        assertThat(body.get("removed_songs").asInt()).isZero();
        assertThat(body.get("duration_seconds").asDouble()).isEqualTo(200.0 + 181.4 + 3.5 + 181.4,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(songPaths(body)).containsExactlyElementsOf(order);
        JsonNode first = body.get("songs").get(0);
        assertThat(first.propertyNames()).containsExactly("position", "file_path", "title", "artist", "album",
                "duration_seconds", "missing");
        assertThat(first.get("title").asString()).isEqualTo("Ça va");
        for (int i = 0; i < order.size(); i++) {
            assertThat(body.get("songs").get(i).get("position").asInt()).isEqualTo(i);
        }

        JsonNode read = http().get("/api/v1/playlists/" + id).json();
        assertThat(read).isEqualTo(body);
    }

    @Test
    void pathsAreFoundUnderTheirOtherUnicodeSpellingAndWithALeadingSlash() {
        String nfd = java.text.Normalizer.normalize(paths().get(2), java.text.Normalizer.Form.NFD);
        assertThat(nfd).isNotEqualTo(paths().get(2));

        Http.Response created = create("Spellings", List.of(nfd, "/" + paths().get(0)));

        assertThat(created.status()).isEqualTo(201);
        assertThat(songPaths(created.json())).containsExactly(paths().get(2), paths().get(0));
    }

    @Test
    void unknownSongsAre404NamingThemAndNothingIsSaved() {
        Http.Response unknown = create("Nope", List.of(paths().get(0), "No/such song.flac", "../../etc/passwd"));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json().get("detail").asString())
                .isEqualTo("Songs not found: 'No/such song.flac', '../../etc/passwd'");
        assertThat(http().get("/api/v1/playlists").json().get("total").asLong()).isZero();
    }

    @Test
    void badBodiesAre422SayingWhereAndNothingIsSaved() {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("{\"songs\": []}", "Field required");
        bodies.put("{\"name\": \"  \", \"songs\": []}", "A playlist needs a name (not blank)");
        bodies.put("{\"name\": \"a\\u0007b\", \"songs\": []}", "A playlist name must not contain control characters");
        bodies.put("{\"name\": \"" + "x".repeat(201) + "\", \"songs\": []}", "at most 200 characters");
        bodies.put("{\"name\": \"x\"}", "Give either 'songs'");
        bodies.put("{\"name\": \"x\", \"songs\": [], \"from\": {\"similar\": {}}}", "Give either 'songs'");
        bodies.put("{\"name\": \"x\", \"song\": [\"a\"]}", "Unknown field 'song'; allowed: from, name, songs");
        bodies.put("{\"name\": \"x\", \"songs\": \"a.flac\"}", "'songs' must be a list of song paths");
        bodies.put("{\"name\": \"x\", \"songs\": [\"a.flac\", 3, \"\"]}", "Input should be a song path");
        bodies.put("{\"name\": \"x\", \"from\": {\"similar\": {}, \"path\": {}}}", "exactly one source");
        bodies.put("{\"name\": \"x\", \"from\": {\"nonsense\": {}}}",
                "Unknown playlist source 'nonsense'; known sources: alchemy, path, similar");
        bodies.put("[1, 2]", "The body must be a JSON object");
        bodies.put("{\"name\": \"x\", \"songs\": " + JSON.writeValueAsString(Collections.nCopies(10_001, "a"))
                + "}", "at most 10000 songs");
        bodies.forEach((body, message) -> {
            Http.Response response = http().post("/api/v1/playlists", body, JSON_TYPE);
            assertThat(response.status()).as(body).isEqualTo(422);
            assertThat(response.json().get("detail").asString()).as(body).contains(message);
        });
        Http.Response elements = http().post("/api/v1/playlists", "{\"name\": \"x\", \"songs\": [\"a.flac\", 3, \"\"]}",
                JSON_TYPE);
        assertThat(elements.json().get("errors")).hasSize(2);
        assertThat(elements.json().get("errors").get(0).get("loc").toString()).isEqualTo("[\"body\",\"songs\",1]");
        assertThat(http().post("/api/v1/playlists", "{\"name\": ", JSON_TYPE).status()).isEqualTo(422);
        assertThat(http().get("/api/v1/playlists").json().get("total").asLong()).isZero();
    }

    @Test
    void theListIsNewestFirstAndPaged() {
        long first = create("one", List.of(paths().get(0))).json().get("id").asLong();
        long second = create("two", List.of(paths().get(0), paths().get(1))).json().get("id").asLong();
        long third = create("three", List.of()).json().get("id").asLong();

        JsonNode page = http().get("/api/v1/playlists?limit=2").json();
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("limit").asInt()).isEqualTo(2);
        List<Long> ids = new ArrayList<>();
        page.get("playlists").forEach(p -> ids.add(p.get("id").asLong()));
        assertThat(ids).containsExactly(third, second);
        JsonNode two = page.get("playlists").get(1);
        assertThat(two.get("song_count").asInt()).isEqualTo(2);
        assertThat(two.get("duration_seconds").asDouble()).isEqualTo(181.4 + 59.6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(two.has("songs")).isFalse();
        assertThat(page.get("playlists").get(0).get("song_count").asInt()).isZero();

        JsonNode rest = http().get("/api/v1/playlists?limit=2&offset=2").json();
        assertThat(rest.get("playlists")).hasSize(1);
        assertThat(rest.get("playlists").get(0).get("id").asLong()).isEqualTo(first);
        assertThat(http().get("/api/v1/playlists?limit=0").status()).isEqualTo(422);
        assertThat(http().get("/api/v1/playlists?offset=-1").status()).isEqualTo(422);
    }

    @Test
    void putRenamesReordersAddsAndRemoves() {
        long id = create("draft", List.of(paths().get(0), paths().get(1))).json().get("id").asLong();

        Http.Response renamed = http().put("/api/v1/playlists/" + id, "{\"name\": \" Final \"}", JSON_TYPE);
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().get("name").asString()).isEqualTo("Final");
        assertThat(songPaths(renamed.json())).containsExactly(paths().get(0), paths().get(1));

        List<String> changed = List.of(paths().get(1), paths().get(3), paths().get(0)); // reorder + add
        Http.Response reordered = http().put("/api/v1/playlists/" + id,
                JSON.writeValueAsString(Map.of("songs", changed)), JSON_TYPE);
        assertThat(songPaths(reordered.json())).containsExactlyElementsOf(changed);
        assertThat(reordered.json().get("name").asString()).isEqualTo("Final");

        Http.Response removed = http().put("/api/v1/playlists/" + id,
                JSON.writeValueAsString(Map.of("name", "Short", "songs", List.of(paths().get(3)))), JSON_TYPE);
        assertThat(songPaths(removed.json())).containsExactly(paths().get(3));
        assertThat(removed.json().get("songs").get(0).get("position").asInt()).isZero();

        Http.Response unknownSong = http().put("/api/v1/playlists/" + id,
                JSON.writeValueAsString(Map.of("songs", List.of(paths().get(0), "Nope.flac"))), JSON_TYPE);
        assertThat(unknownSong.status()).isEqualTo(404);
        assertThat(songPaths(http().get("/api/v1/playlists/" + id).json())).containsExactly(paths().get(3));

        assertThat(http().put("/api/v1/playlists/" + id, "{}", JSON_TYPE).status()).isEqualTo(422);
        assertThat(http().put("/api/v1/playlists/" + id, "{\"source\": \"x\"}", JSON_TYPE).status()).isEqualTo(422);
        assertThat(http().put("/api/v1/playlists/999999", "{\"name\": \"x\"}", JSON_TYPE).status()).isEqualTo(404);
    }

    @Test
    void deleteRemovesThePlaylistButNoSong() {
        long id = create("gone soon", List.of(paths().get(0))).json().get("id").asLong();

        assertThat(http().delete("/api/v1/playlists/" + id).status()).isEqualTo(204);

        assertThat(http().get("/api/v1/playlists/" + id).status()).isEqualTo(404);
        assertThat(http().get("/api/v1/playlists/" + id).json().get("detail").asString())
                .isEqualTo("Playlist not found: " + id);
        assertThat(http().delete("/api/v1/playlists/" + id).status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM song").query(Long.class).single()).isEqualTo(library.size());
        assertThat(http().get("/api/v1/playlists/abc").status()).isEqualTo(422);
    }

    @Test
    void songsVacuumDeletesLeaveThePlaylistWhichCountsThem() {
        List<String> order = List.of(paths().get(0), paths().get(1), paths().get(2), paths().get(1), paths().get(4));
        long id = create("shrinks", order).json().get("id").asLong();

        // what the vacuum job does for songs whose files are gone
        jdbc.sql("DELETE FROM song WHERE path IN (:gone)").param("gone", List.of(paths().get(1), paths().get(4)))
                .update();

        JsonNode playlist = http().get("/api/v1/playlists/" + id).json();
        assertThat(songPaths(playlist)).containsExactly(paths().get(0), paths().get(2));
        assertThat(playlist.get("removed_songs").asInt()).isEqualTo(3);
        assertThat(playlist.get("song_count").asInt()).isEqualTo(2);
        assertThat(playlist.get("songs").get(1).get("position").asInt()).isEqualTo(1);
        assertThat(http().get("/api/v1/playlists").json().get("playlists").get(0).get("removed_songs").asInt())
                .isEqualTo(3);
    }

    @Test
    void theM3uParsesBackToThePlaylistsSongsAndLeavesOutFilesThatAreGone() {
        jdbc.sql("UPDATE song SET missing_since = now() WHERE path = :p").param("p", paths().get(1)).update();
        List<String> order = List.of(paths().get(2), paths().get(0), paths().get(1), paths().get(3), paths().get(4),
                paths().get(0));
        long id = create("Évening/mix", order).json().get("id").asLong();

        Http.Response m3u = http().get("/api/v1/playlists/" + id + ".m3u");

        assertThat(m3u.status()).isEqualTo(200);
        assertThat(m3u.contentType()).isEqualToIgnoringCase("audio/x-mpegurl;charset=UTF-8");
        assertThat(m3u.header("Content-Disposition")).startsWith("attachment;")
                .contains("filename*=UTF-8''%C3%89vening_mix.m3u");
        List<String> lines = m3u.body().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("#EXTM3U");
        assertThat(m3u.body()).endsWith("\n").doesNotContain("\r");
        List<String> parsedPaths = new ArrayList<>();
        List<String> parsedInfo = new ArrayList<>();
        for (int i = 1; i < lines.size(); i += 2) {
            assertThat(lines.get(i)).startsWith("#EXTINF:");
            parsedInfo.add(lines.get(i).substring("#EXTINF:".length()));
            parsedPaths.add(lines.get(i + 1));
        }
        List<String> expectedPaths = new ArrayList<>(order);
        expectedPaths.remove(paths().get(1)); // its file is gone
        assertThat(parsedPaths).containsExactlyElementsOf(expectedPaths);
        assertThat(parsedInfo).containsExactly(
                "200,Ünï - Ça va",
                "181,Artist A - First",
                "-1,it's, a comma", // no tags, no duration: the file name and -1
                "4,Other - Band - Fifth, with comma", // 3.5 s rounds to 4
                "181,Artist A - First");
        JsonNode playlist = http().get("/api/v1/playlists/" + id).json();
        List<String> present = new ArrayList<>();
        playlist.get("songs").forEach(s -> {
            if (!s.get("missing").asBoolean()) {
                present.add(s.get("file_path").asString());
            }
        });
        assertThat(parsedPaths).isEqualTo(present);
        assertThat(http().get("/api/v1/playlists/424242.m3u").status()).isEqualTo(404);
    }

    @Test
    void sendingToMpdWithNeitherMpdHostNorAPlaylistDirectoryIs503SayingWhatToSet() {
        long id = create("x", List.of(paths().get(0))).json().get("id").asLong();

        Http.Response response = http().post("/api/v1/playlists/" + id + "/mpd");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.json().get("detail").asString()).contains("MPD_HOST").contains("MPD_PLAYLIST_DIR");
    }

    @Test
    void theOpenApiDocumentDescribesThePlaylistEndpointsAndTheirParameters() {
        JsonNode paths = http().get("/v3/api-docs").json().get("paths");

        assertThat(paths.propertyNames()).contains("/api/v1/playlists", "/api/v1/playlists/{id}",
                "/api/v1/playlists/{id}.m3u", "/api/v1/playlists/{id}/mpd");
        assertThat(paths.get("/api/v1/playlists/{id}").propertyNames()).contains("get", "put", "delete");
        JsonNode mpd = paths.get("/api/v1/playlists/{id}/mpd").get("post");
        assertThat(mpd.get("description").asString()).contains("MPD_HOST").contains("503");
        List<String> parameters = new ArrayList<>();
        mpd.get("parameters").forEach(p -> parameters.add(p.get("name").asString() + ": " + p.get("description").asString()));
        assertThat(parameters).anyMatch(p -> p.startsWith("queue: ") && p.contains("replace"))
                .anyMatch(p -> p.startsWith("id: "));
        assertThat(paths.get("/api/v1/playlists").get("post").get("requestBody").toString()).contains("similar");
    }
}
