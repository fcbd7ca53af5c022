package dev.sonority.api.instant;

import dev.sonority.api.index.EmbeddedIndexes;
import dev.sonority.api.instant.tools.LibraryVocabulary;
import dev.sonority.api.search.SongDirectoryAccess;
import dev.sonority.api.support.ApiIntegrationTest;
import dev.sonority.api.support.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the instant-playlist integration tests: the real API on its own database holding the
 * {@link GeneratedLibrary}, text queries embedded by {@link TextInferenceStub}.
 */
abstract class InstantLibraryTest extends ApiIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final TextInferenceStub INFERENCE = new TextInferenceStub();

    @DynamicPropertySource
    static void inference(DynamicPropertyRegistry registry) {
        registry.add("sonority.search.inference-url", INFERENCE::url);
        registry.add("sonority.search.model-retry", () -> "0s");
    }

    @Autowired
    EmbeddedIndexes indexes;

    @Autowired
    LibraryVocabulary vocabulary;

    @Autowired
    ApplicationContext context;

    GeneratedLibrary library;

    @BeforeEach
    void library() {
        reset();
        INFERENCE.down = false;
        library = GeneratedLibrary.write(jdbc);
        GeneratedLibrary.refreshIndexes(indexes);
        SongDirectoryAccess.refresh(context);
        vocabulary.forget();
    }

    Http.Response instant(String prompt, Object... more) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("prompt", prompt);
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return http().post("/api/v1/playlists/instant", JSON.writeValueAsString(body), "application/json");
    }

    /** The songs of an answer, as the library wrote them. */
    List<GeneratedLibrary.Song> songs(JsonNode answer) {
        List<GeneratedLibrary.Song> songs = new ArrayList<>();
        answer.get("songs").forEach(song -> songs.add(library.byPath(song.get("file_path").asString())));
        return songs;
    }

    long songCount() {
        return jdbc.sql("SELECT count(*) FROM song").query(Long.class).single();
    }
}
