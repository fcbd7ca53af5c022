package dev.sonority.api.mpd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonority.testing.FreePorts;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link MpdStoredPlaylists} and {@link MpdConnection} against a real MPD with a password, on a generated library
 * of real audio files: what MPD stores is read back with {@link MpdServer}'s own probe. Skipped, with a message,
 * only when the mpd binary is absent.
 */
@EnabledIf(value = "dev.sonority.api.mpd.MpdServer#installed", disabledReason = MpdServer.NOT_INSTALLED)
class MpdStoredPlaylistsTest {

    static final String PASSWORD = "s3cret pw#1";

    @TempDir
    static Path dir;

    static MpdServer mpd;
    static List<String> uris;

    @BeforeAll
    static void startMpd() throws IOException {
        Path music = Files.createDirectories(dir.resolve("music"));
        uris = GeneratedLibrary.create(music).stream().map(GeneratedLibrary.Song::path).toList();
        mpd = MpdServer.start(Files.createDirectories(dir.resolve("mpd")), music, PASSWORD, uris.size());
    }

    @AfterAll
    static void stopMpd() {
        if (mpd != null) {
            mpd.close();
        }
    }

    @BeforeEach
    void emptyQueueAndPlaylists() {
        mpd.command("clear");
        mpd.storedPlaylists().forEach(name -> mpd.command("rm " + MpdServer.quote(name)));
    }

    @Test
    void savesExactlyTheUrisInOrderUnderANameThatNeedsQuoting() {
        List<String> order = new ArrayList<>(uris);
        Collections.shuffle(order, new Random(7));
        String name = "Mix \"one\" \\ #1, ünï";

        playlists(PASSWORD).save(name, order, null);

        assertThat(mpd.storedPlaylist(name)).containsExactlyElementsOf(order);
        assertThat(mpd.database()).containsAll(order);
        assertThat(mpd.storedPlaylists()).containsExactly(name);
        assertThat(mpd.queue()).isEmpty();
    }

    @Test
    void savingAgainReplacesThePlaylistAndLeavesNoTemporaryOne() {
        playlists(PASSWORD).save("Evening", uris, null);
        List<String> shorter = List.of(uris.get(3), uris.get(0));

        playlists(PASSWORD).save("Evening", shorter, null);

        assertThat(mpd.storedPlaylist("Evening")).containsExactlyElementsOf(shorter);
        assertThat(mpd.storedPlaylists()).containsExactly("Evening");
    }

    @Test
    void moreSongsThanOneCommandListTakesAreAllSaved() {
        List<String> many = new ArrayList<>();
        Random random = new Random(11);
        for (int i = 0; i < MpdStoredPlaylists.ADDS_PER_LIST * 2 + 3; i++) {
            many.add(uris.get(random.nextInt(uris.size())));
        }

        playlists(PASSWORD).save("Long", many, null);

        assertThat(mpd.storedPlaylist("Long")).containsExactlyElementsOf(many);
    }

    @Test
    void queueReplaceLeavesExactlyThePlaylistAndAppendAddsItAfterTheQueue() {
        mpd.command("add " + MpdServer.quote(uris.get(5)));
        List<String> songs = List.of(uris.get(1), uris.get(2));

        playlists(PASSWORD).save("Queue", songs, QueueMode.REPLACE);
        assertThat(mpd.queue()).containsExactlyElementsOf(songs);

        playlists(PASSWORD).save("Queue", songs, QueueMode.APPEND);
        assertThat(mpd.queue()).containsExactly(uris.get(1), uris.get(2), uris.get(1), uris.get(2));
    }

    @Test
    void aSongMpdDoesNotKnowLeavesTheOldPlaylistIntact() {
        playlists(PASSWORD).save("Keep", uris, null);
        List<String> withUnknown = List.of(uris.get(0), "Nobody/never scanned.flac", uris.get(1));

        assertThatThrownBy(() -> playlists(PASSWORD).save("Keep", withUnknown, QueueMode.REPLACE))
                .isInstanceOfSatisfying(MpdUnknownSongException.class,
                        e -> assertThat(e.uri()).isEqualTo("Nobody/never scanned.flac"));

        assertThat(mpd.storedPlaylist("Keep")).containsExactlyElementsOf(uris);
        assertThat(mpd.storedPlaylists()).containsExactly("Keep");
        assertThat(mpd.queue()).isEmpty();
    }

    @Test
    void aWrongPasswordOrNoneIsRefusedAndChangesNothing() {
        playlists(PASSWORD).save("Keep", uris, null);

        assertThatThrownBy(() -> playlists("wrong").save("Keep", List.of(uris.get(0)), null))
                .isInstanceOfSatisfying(MpdAckException.class, e -> {
                    assertThat(e.code()).isEqualTo(MpdAckException.PASSWORD);
                    assertThat(e.isAuthentication()).isTrue();
                });
        assertThatThrownBy(() -> playlists("").save("Keep", List.of(uris.get(0)), null))
                .isInstanceOfSatisfying(MpdAckException.class,
                        e -> assertThat(e.code()).isEqualTo(MpdAckException.PERMISSION));

        assertThat(mpd.storedPlaylist("Keep")).containsExactlyElementsOf(uris);
        assertThat(mpd.storedPlaylists()).containsExactly("Keep");
    }

    @Test
    void nothingListeningIsUnreachable() {
        int closed = FreePorts.pick();
        MpdStoredPlaylists nowhere = new MpdStoredPlaylists(properties(closed, PASSWORD, Duration.ofSeconds(5)));

        assertThatThrownBy(() -> nowhere.save("X", uris, null)).isInstanceOf(MpdUnreachableException.class)
                .hasMessageContaining("MPD at 127.0.0.1:" + closed + " is unreachable");
    }

    @Test
    void aServerThatIsNotMpdOrDoesNotAnswerIsUnreachable() throws Exception {
        try (ServerSocket http = new ServerSocket(0); ServerSocket silent = new ServerSocket(0)) {
            Thread.ofVirtual().start(() -> answerOnce(http, "HTTP/1.1 400 Bad Request\r\n\r\n"));
            Thread.ofVirtual().start(() -> answerOnce(silent, null));

            assertThatThrownBy(() -> MpdConnection.open("127.0.0.1", http.getLocalPort(), Duration.ofSeconds(5),
                    Duration.ofSeconds(5))).isInstanceOf(MpdUnreachableException.class).hasMessageContaining("is not MPD");
            assertThatThrownBy(() -> MpdConnection.open("127.0.0.1", silent.getLocalPort(), Duration.ofSeconds(5),
                    Duration.ofMillis(300))).isInstanceOf(MpdUnreachableException.class)
                    .hasMessageContaining("no answer in time");
        }
    }

    @Test
    void theGreetingNamesMpdsProtocolVersion() {
        try (MpdConnection connection = MpdConnection.open("127.0.0.1", mpd.port(), Duration.ofSeconds(5),
                Duration.ofSeconds(5))) {
            assertThat(connection.version()).matches("0\\.\\d+\\.\\d+");
            assertThatThrownBy(() -> connection.run(MpdCommand.of("playlistadd", "X", uris.get(0))))
                    .isInstanceOfSatisfying(MpdAckException.class, e -> {
                        assertThat(e.command()).isEqualTo("playlistadd");
                        assertThat(e.code()).isEqualTo(MpdAckException.PERMISSION);
                    });
        }
    }

    @Test
    void aPlaylistFileInThePlaylistDirectoryIsReadByMpdAndReplacedWhole() throws IOException {
        MpdPlaylistDirectory directory = new MpdPlaylistDirectory(new MpdProperties("", 6600, "",
                mpd.playlistDirectory().toString(), Duration.ofSeconds(3), Duration.ofSeconds(10)));
        String first = "#EXTM3U\n" + String.join("\n", uris) + "\n";

        assertThat(directory.write("From file", first)).isEqualTo("From file.m3u");
        assertThat(mpd.storedPlaylist("From file")).containsExactlyElementsOf(uris);

        directory.write("From file", "#EXTM3U\n#EXTINF:1,A - B\n" + uris.get(2) + "\n");
        assertThat(mpd.storedPlaylist("From file")).containsExactly(uris.get(2));
        try (Stream<Path> files = Files.list(mpd.playlistDirectory())) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("From file.m3u");
        }
        assertThat(Files.getPosixFilePermissions(mpd.playlistDirectory().resolve("From file.m3u")))
                .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
    }

    private static MpdStoredPlaylists playlists(String password) {
        return new MpdStoredPlaylists(properties(mpd.port(), password, Duration.ofSeconds(10)));
    }

    private static MpdProperties properties(int port, String password, Duration timeout) {
        return new MpdProperties("127.0.0.1", port, password, "", Duration.ofSeconds(3), timeout);
    }

    private static void answerOnce(ServerSocket server, String greeting) {
        try (Socket socket = server.accept()) {
            if (greeting != null) {
                OutputStream out = socket.getOutputStream();
                out.write(greeting.getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            socket.getInputStream().read(); // hold the connection until the client gives up
        } catch (IOException e) {
            // the client closed it
        }
    }
}
