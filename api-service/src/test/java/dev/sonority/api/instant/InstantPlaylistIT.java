package dev.sonority.api.instant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.api.support.Http;
import dev.sonority.contract.vector.VectorCodec;
import dev.sonority.contract.vector.Vectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/playlists/instant} without a language model (the default): the rules' answers on the
 * generated library, checked against the library's known properties by brute force; bad input; saving.
 */
class InstantPlaylistIT extends InstantLibraryTest {

    @Test
    void everySongMeetsWhatThePromptAskedAndTheStepsSayHowTheyWereFound() {
        Http.Response response = instant("upbeat 90s rock for a long drive");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode answer = response.json();
        Predicate<GeneratedLibrary.Song> asked = s -> s.genre().equals("Rock") && s.year() >= 1990
                && s.year() <= 1999 && s.mood("happy");
        List<GeneratedLibrary.Song> songs = songs(answer);
        assertThat(songs).isNotEmpty().allMatch(asked);
        assertThat(songs).hasSize(expectedCount(asked, 3));
        assertThat(answer.get("planner").asString()).isEqualTo("rules");
        assertThat(answer.get("title").asString()).isEqualTo("Upbeat 90s rock for a long drive");
        assertThat(answer.get("explanation").asString()).contains("mood happy", "years 1990-1999", "genre rock",
                "\"long drive\"");
        JsonNode step = answer.get("steps").get(0);
        assertThat(answer.get("steps")).hasSize(1);
        assertThat(step.get("tool").asString()).isEqualTo("text_search");
        assertThat(step.get("model").asString()).isEqualTo("text_minilm");
        assertThat(step.get("arguments").toString()).isEqualTo("{\"query\":\"long drive\",\"genre\":\"rock\","
                + "\"year_min\":1990,\"year_max\":1999,\"moods\":[\"happy\"],\"limit\":90}");
        assertThat(step.get("songs").asInt()).isEqualTo(library.songs.values().stream().filter(asked).count());
        assertThat(answer.get("playlist_id").isNull()).isTrue();
    }

    @Test
    void constraintsWithoutOtherWordsAreAMetadataSearchAndTheSamePromptGivesTheSamePlaylist() {
        JsonNode answer = instant("slow relaxed classical", "n", 10).json();
        Predicate<GeneratedLibrary.Song> asked = s -> s.genre().equals("Classical") && s.bpm() <= 90 && s.mood("relaxed");
        assertThat(songs(answer)).isNotEmpty().allMatch(asked).hasSize(Math.min(10, expectedCount(asked, 3)));
        assertThat(answer.get("steps").get(0).get("tool").asString()).isEqualTo("metadata_search");
        assertThat(instant("slow relaxed classical", "n", 10).json().get("songs")).isEqualTo(answer.get("songs"));
    }

    @Test
    void likeAnArtistFindsSongsThatSoundAlikeWithoutTheArtistItself() {
        JsonNode answer = instant("songs like Iron Vesper", "n", 12).json();
        List<GeneratedLibrary.Song> songs = songs(answer);
        assertThat(answer.get("steps").get(0).get("tool").asString()).isEqualTo("similar_songs");
        assertThat(answer.get("steps").get(0).get("model").asString()).isEqualTo("musicnn");
        assertThat(songs).hasSize(12).noneMatch(s -> s.artist().equals("Iron Vesper"));
        // musicnn vectors lie near their genre's centre: the nearest other artists are the two other metal bands
        assertThat(songs.subList(0, 6)).allMatch(s -> s.genre().equals("Metal"));
        Map<String, Long> perArtist = songs.stream().collect(Collectors.groupingBy(GeneratedLibrary.Song::artist,
                Collectors.counting()));
        assertThat(perArtist.values()).allMatch(count -> count <= 3);
    }

    @Test
    void aNamedArtistIsNotCappedAndOneRecordingAppearsOnce() {
        GeneratedLibrary.Song first = library.songs.values().iterator().next(); // it has a copy on a compilation
        JsonNode answer = instant(first.artist() + " songs").json();
        List<GeneratedLibrary.Song> songs = songs(answer);
        assertThat(songs).hasSize(5).allMatch(s -> s.artist().equals(first.artist()));
        assertThat(songs.stream().map(GeneratedLibrary.Song::title).distinct()).hasSize(5);
        assertThat(instant(first.artist() + " songs", "max_per_artist", 2).json().get("songs")).hasSize(5);
    }

    @Test
    void theCapPerArtistHolds() {
        JsonNode answer = instant("jazz", "max_per_artist", 1).json();
        assertThat(songs(answer)).hasSize(3).allMatch(s -> s.genre().equals("Jazz"))
                .extracting(GeneratedLibrary.Song::artist).doesNotHaveDuplicates();
    }

    @Test
    void thePlaylistIsASmoothWalkFromItsBestMatch() {
        JsonNode answer = instant("electronic pop hip-hop", "n", 20, "max_per_artist", 5).json();
        List<GeneratedLibrary.Song> songs = songs(answer);
        assertThat(songs).hasSize(20);
        Map<Long, float[]> vectors = new HashMap<>();
        jdbc.sql("SELECT song_id, data FROM embedding WHERE model = 'musicnn' AND kind = 'search'")
                .query((rs, n) -> vectors.put(rs.getLong(1), VectorCodec.decode(rs.getBytes(2)))).list();
        // the reference: AudioMuse-AI-style greedy picking from the same first song, each next song the nearest
        // (angular distance) of those not played yet; the walk is a permutation that is never longer
        List<Long> ids = songs.stream().map(GeneratedLibrary.Song::id).toList();
        List<Long> greedy = new ArrayList<>(List.of(ids.getFirst()));
        Set<Long> left = new HashSet<>(ids.subList(1, ids.size()));
        while (!left.isEmpty()) {
            long here = greedy.getLast();
            long next = left.stream().min(Comparator.comparingDouble(id -> angle(vectors.get(here), vectors.get(id))))
                    .orElseThrow();
            greedy.add(next);
            left.remove(next);
        }
        assertThat(length(ids, vectors)).isLessThanOrEqualTo(length(greedy, vectors) + 1e-9);
        // and no single swap of two neighbours shortens it (a path that 2-opt leaves is locally shortest)
        for (int i = 1; i + 1 < ids.size(); i++) {
            List<Long> swapped = new ArrayList<>(ids);
            java.util.Collections.swap(swapped, i, i + 1);
            assertThat(length(ids, vectors)).as("swap %d", i).isLessThanOrEqualTo(length(swapped, vectors) + 1e-9);
        }
    }

    private static double length(List<Long> walk, Map<Long, float[]> vectors) {
        double total = 0;
        for (int i = 1; i < walk.size(); i++) {
            total += angle(vectors.get(walk.get(i - 1)), vectors.get(walk.get(i)));
        }
        return total;
    }

    private static double angle(float[] a, float[] b) {
        return Math.acos(Math.max(-1, Math.min(1, Vectors.dot(a, b)))) / Math.PI;
    }

    @Test
    void saveStoresThePlaylistInPlayOrderWithThePromptAsItsRequest() {
        JsonNode answer = instant("fast metal", "n", 8, "save", true).json();
        long id = answer.get("playlist_id").asLong();
        Map<String, Object> row = jdbc.sql("SELECT name, source, request->>'prompt' AS prompt FROM playlist WHERE id = :id")
                .param("id", id).query().singleRow();
        assertThat(row).containsEntry("source", "instant").containsEntry("prompt", "fast metal")
                .containsEntry("name", answer.get("title").asString());
        List<String> saved = jdbc.sql("SELECT s.path FROM playlist_song p JOIN song s ON s.id = p.song_id"
                + " WHERE p.playlist_id = :id ORDER BY p.position").param("id", id).query(String.class).list();
        List<String> answered = new ArrayList<>();
        answer.get("songs").forEach(s -> answered.add(s.get("file_path").asString()));
        assertThat(saved).hasSize(8).isEqualTo(answered);
    }

    @Test
    void aPromptThatMatchesNothingIs200WithAnEmptyListAndAnExplanation() {
        for (String prompt : List.of("polka from the 1920s", "songs please")) {
            Http.Response response = instant(prompt, "save", true);
            assertThat(response.status()).as(prompt).isEqualTo(200);
            assertThat(response.json().get("songs")).as(prompt).isEmpty();
            assertThat(response.json().get("playlist_id").isNull()).isTrue();
            assertThat(response.json().get("explanation").asString()).as(prompt).isNotBlank().contains("Nothing");
        }
        assertThat(instant("polka from the 1920s").json().get("explanation").asString())
                .contains("years 1920-1929", "No song of the library matches");
    }

    @Test
    void withoutTextSearchTheConstraintsStillAnswerAndAPromptOfWordsOnlySaysWhy() {
        INFERENCE.down = true;
        JsonNode constrained = instant("slow sleepy folk").json();
        assertThat(songs(constrained)).isNotEmpty().allMatch(s -> s.genre().equals("Folk") && s.bpm() <= 90);
        assertThat(constrained.get("steps")).hasSize(2);
        assertThat(constrained.get("steps").get(0).get("error").asString()).startsWith("text search is unavailable");
        assertThat(constrained.get("steps").get(1).get("tool").asString()).isEqualTo("metadata_search");
        Http.Response words = instant("sleepy afternoon");
        assertThat(words.status()).isEqualTo(200);
        assertThat(words.json().get("songs")).isEmpty();
        assertThat(words.json().get("explanation").asString()).contains("text search is unavailable");
    }

    @Test
    void badInputIs422NamingTheFieldAndChangesNothing() {
        long playlists = jdbc.sql("SELECT count(*) FROM playlist").query(Long.class).single();
        String tooLong = "a".repeat(1001);
        List<String> bodies = List.of("{}", "{\"prompt\": \"\"}", "{\"prompt\": \" \\n\\t \"}",
                "{\"prompt\": \"" + tooLong + "\"}", "{\"prompt\": \"jazz\", \"n\": 0}",
                "{\"prompt\": \"jazz\", \"n\": 201}", "{\"prompt\": \"jazz\", \"max_per_artist\": 0}",
                "{\"prompt\": \"jazz\", \"n\": \"many\"}", "not json");
        List<String> fields = List.of("prompt", "prompt", "prompt", "prompt", "n", "n", "max_per_artist", "", "");
        for (int i = 0; i < bodies.size(); i++) {
            Http.Response response = http().post("/api/v1/playlists/instant", bodies.get(i), "application/json");
            assertThat(response.status()).as(bodies.get(i)).isEqualTo(422);
            assertThat(response.contentType()).startsWith("application/problem+json");
            if (!fields.get(i).isEmpty()) {
                assertThat(response.json().get("errors").get(0).get("loc").toString()).as(bodies.get(i))
                        .isEqualTo("[\"body\",\"" + fields.get(i) + "\"]");
            }
        }
        assertThat(instant("a".repeat(1000)).status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM playlist").query(Long.class).single()).isEqualTo(playlists);
    }

    @Test
    void theEndpointIsInTheOpenApiDocumentWithItsFields() {
        JsonNode docs = http().get("/v3/api-docs").json();
        JsonNode post = docs.get("paths").get("/api/v1/playlists/instant").get("post");
        assertThat(post.get("summary").asString()).isNotBlank();
        assertThat(post.get("responses").propertyNames()).contains("200", "422");
        JsonNode request = docs.get("components").get("schemas").get("InstantRequest").get("properties");
        assertThat(request.propertyNames()).containsExactlyInAnyOrder("prompt", "n", "save", "max_per_artist");
        assertThat(request.get("prompt").get("description").asString()).contains("1000");
        JsonNode answer = docs.get("components").get("schemas").get("InstantAnswer").get("properties");
        assertThat(answer.propertyNames()).contains("songs", "steps", "playlist_id");
    }

    /** How many songs meet {@code asked} once every artist is cut to {@code cap} (the duplicate counted once). */
    private int expectedCount(Predicate<GeneratedLibrary.Song> asked, int cap) {
        Map<String, Set<String>> titlesByArtist = new HashMap<>();
        library.songs.values().stream().filter(asked)
                .forEach(s -> titlesByArtist.computeIfAbsent(s.artist(), a -> new HashSet<>()).add(s.title()));
        return titlesByArtist.values().stream().mapToInt(titles -> Math.min(cap, titles.size())).sum();
    }
}
