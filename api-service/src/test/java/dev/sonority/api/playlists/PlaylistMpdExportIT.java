package dev.sonority.api.playlists;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.api.mpd.GeneratedLibrary;
import dev.sonority.api.mpd.MpdServer;
import dev.sonority.api.support.ApiIntegrationTest;
import dev.sonority.api.support.Http;
import dev.sonority.testing.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/playlists/{id}/mpd} against a real MPD (Debian's mpd, started by the test with a password on
 * a free port) whose music directory is a generated library of real audio files; Sonority's song rows name the same
 * files as the scan would. What MPD stored and queued is read through MPD's protocol by {@link MpdServer}'s own
 * probe. Skipped, with a message, only when the mpd binary is absent.
 */
@EnabledIf(value = "dev.sonority.api.mpd.MpdServer#installed", disabledReason = MpdServer.NOT_INSTALLED)
class PlaylistMpdExportIT extends ApiIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final int MPD_PORT = FreePorts.pick();
    static final String PASSWORD = "export-pw";
    static final String NAME = "Évening \"mix\" #1, ünï";

    @TempDir
    static Path dir;

    static MpdServer mpd;
    static List<GeneratedLibrary.Song> library;

    @DynamicPropertySource
    static void mpdSettings(DynamicPropertyRegistry registry) {
        registry.add("sonority.mpd.host", () -> "127.0.0.1");
        registry.add("sonority.mpd.port", () -> MPD_PORT);
        registry.add("sonority.mpd.password", () -> PASSWORD);
    }

    @BeforeAll
    static void startMpd() throws IOException {
        Path music = Files.createDirectories(dir.resolve("music"));
        library = GeneratedLibrary.create(music);
        mpd = MpdServer.start(Files.createDirectories(dir.resolve("mpd")), music, PASSWORD, library.size(), MPD_PORT);
    }

    @AfterAll
    static void stopMpd() {
        if (mpd != null) {
            mpd.close();
        }
    }

    @BeforeEach
    void songsAndAnEmptyMpd() {
        reset();
        for (GeneratedLibrary.Song song : library) { // as the scan writes them: the path relative to the music root
            jdbc.sql("""
                    INSERT INTO song (path, title, artist, album, duration_seconds, file_size, file_mtime)
                    VALUES (:path, :title, :artist, :album, :seconds, 1, now())""")
                    .param("path", song.path()).param("title", song.title()).param("artist", song.artist())
                    .param("album", song.album()).param("seconds", song.seconds()).update();
        }
        mpd.command("clear");
        mpd.storedPlaylists().forEach(name -> mpd.command("rm " + MpdServer.quote(name)));
    }

    String path(int i) {
        return library.get(i).path();
    }

    long create(String name, List<String> songs) {
        Http.Response created = http().post("/api/v1/playlists",
                JSON.writeValueAsString(Map.of("name", name, "songs", songs)), "application/json");
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    Http.Response export(long id, String query) {
        return http().post("/api/v1/playlists/" + id + "/mpd" + query);
    }

    List<String> playlistPaths(long id) {
        List<String> paths = new ArrayList<>();
        http().get("/api/v1/playlists/" + id).json().get("songs").forEach(s -> paths.add(s.get("file_path").asString()));
        return paths;
    }

    @Test
    void mpdStoresExactlyThePlaylistsSongsInOrderAndKnowsEveryOne() {
        List<String> order = List.of(path(2), path(0), path(5), path(3), path(0), path(4), path(1));
        long id = create(NAME, order);

        Http.Response exported = export(id, "");

        assertThat(exported.status()).isEqualTo(200);
        JsonNode body = exported.json();
        assertThat(body.get("target").asString()).isEqualTo("mpd");
        assertThat(body.get("name").asString()).isEqualTo(NAME);
        assertThat(body.get("songs").asInt()).isEqualTo(order.size());
        assertThat(body.get("left_out").asInt()).isZero();
        List<String> stored = mpd.storedPlaylist(NAME);
        assertThat(stored).containsExactlyElementsOf(playlistPaths(id)).containsExactlyElementsOf(order);
        assertThat(mpd.database()).containsAll(stored);
        assertThat(mpd.storedPlaylists()).containsExactly(NAME);
        assertThat(mpd.queue()).isEmpty();
    }

    @Test
    void exportingAgainReplacesTheStoredPlaylist() {
        long id = create(NAME, List.of(path(0), path(1), path(2)));
        export(id, "");
        http().put("/api/v1/playlists/" + id, JSON.writeValueAsString(Map.of("songs", List.of(path(4), path(0)))),
                "application/json");

        assertThat(export(id, "").status()).isEqualTo(200);

        assertThat(mpd.storedPlaylist(NAME)).containsExactly(path(4), path(0));
        assertThat(mpd.storedPlaylists()).containsExactly(NAME);
    }

    @Test
    void queueReplaceLeavesExactlyThePlaylistInTheQueueAndAppendAddsIt() {
        mpd.command("add " + MpdServer.quote(path(5)));
        List<String> order = List.of(path(3), path(1));
        long id = create("Queue me", order);

        Http.Response replaced = export(id, "?queue=replace");
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().get("queue").asString()).isEqualTo("replace");
        assertThat(mpd.queue()).containsExactlyElementsOf(order);

        assertThat(export(id, "?queue=APPEND").status()).isEqualTo(200);
        assertThat(mpd.queue()).containsExactly(path(3), path(1), path(3), path(1));

        Http.Response bad = export(id, "?queue=shuffle");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("detail").asString()).isEqualTo("Input should be 'append' or 'replace'");
    }

    @Test
    void aRefusedPasswordIs503NamingMpdAndTheOldPlaylistStaysWhole() {
        long id = create(NAME, List.of(path(0), path(1)));
        export(id, "");
        http().put("/api/v1/playlists/" + id, JSON.writeValueAsString(Map.of("songs", List.of(path(2)))),
                "application/json");
        try {
            mpd.restart("another password");

            Http.Response refused = export(id, "?queue=replace");

            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("detail").asString())
                    .isEqualTo("MPD refused the password (MPD_PASSWORD); nothing was changed");
            assertThat(mpd.storedPlaylist(NAME)).containsExactly(path(0), path(1));
            assertThat(mpd.storedPlaylists()).containsExactly(NAME);
            assertThat(mpd.queue()).isEmpty();
        } finally {
            mpd.restart(PASSWORD);
        }
    }

    @Test
    void mpdDownIs503NamingMpd() {
        long id = create(NAME, List.of(path(0)));
        try {
            mpd.stop();

            Http.Response down = export(id, "");

            assertThat(down.status()).isEqualTo(503);
            assertThat(down.json().get("detail").asString())
                    .startsWith("MPD at 127.0.0.1:" + MPD_PORT + " is unreachable").endsWith("nothing was changed");
        } finally {
            mpd.restart(PASSWORD);
        }
        assertThat(mpd.storedPlaylists()).isEmpty();
    }

    @Test
    void aSongMpdsDatabaseLacksIs409AndTheOldPlaylistStays() {
        jdbc.sql("INSERT INTO song (path, title, file_size, file_mtime) VALUES ('Later/not in MPD yet.flac', 'x', 1,"
                + " now())").update();
        long id = create(NAME, List.of(path(0)));
        export(id, "");
        http().put("/api/v1/playlists/" + id, JSON.writeValueAsString(Map.of("songs",
                List.of(path(1), "Later/not in MPD yet.flac"))), "application/json");

        Http.Response conflict = export(id, "");

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().get("detail").asString()).contains("'Later/not in MPD yet.flac'")
                .contains("update MPD's database");
        assertThat(mpd.storedPlaylist(NAME)).containsExactly(path(0));
        assertThat(mpd.storedPlaylists()).containsExactly(NAME);
    }

    @Test
    void namesMpdCannotHoldAndPlaylistsWithNothingToSendAre422() {
        for (String name : List.of("AC/DC", "back\\slash", "..", "x..y")) {
            long id = create(name, List.of(path(0)));
            Http.Response refused = export(id, "");
            assertThat(refused.status()).as(name).isEqualTo(422);
            assertThat(refused.json().get("detail").asString()).as(name).contains("rename it first");
        }
        long empty = create("Empty", List.of());
        assertThat(export(empty, "").status()).isEqualTo(422);
        long gone = create("Gone", List.of(path(4)));
        jdbc.sql("UPDATE song SET missing_since = now() WHERE path = :p").param("p", path(4)).update();
        Http.Response allGone = export(gone, "");
        assertThat(allGone.status()).isEqualTo(422);
        assertThat(allGone.json().get("detail").asString()).contains("the files of all 1 are gone");
        assertThat(export(987654, "").status()).isEqualTo(404);
        assertThat(mpd.storedPlaylists()).isEmpty();
    }

    @Test
    void songsWhoseFileIsGoneAreLeftOutAndCounted() {
        long id = create(NAME, List.of(path(0), path(1), path(2)));
        jdbc.sql("UPDATE song SET missing_since = now() WHERE path = :p").param("p", path(1)).update();

        Http.Response exported = export(id, "");

        assertThat(exported.json().get("songs").asInt()).isEqualTo(2);
        assertThat(exported.json().get("left_out").asInt()).isEqualTo(1);
        assertThat(mpd.storedPlaylist(NAME)).containsExactly(path(0), path(2));
    }
}
