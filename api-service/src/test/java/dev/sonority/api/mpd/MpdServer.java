package dev.sonority.api.mpd;

import static org.awaitility.Awaitility.await;

import dev.sonority.testing.FreePorts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real MPD (Debian's {@code mpd}) as a child process with its own configuration: bound to 127.0.0.1 on a free
 * port, database, state and playlists in a temporary folder, a null audio output, no zeroconf, and no {@code user}
 * (so it runs as whoever runs the tests, root included). Its music directory is the generated library the test
 * passes. {@link #command} is an independent raw protocol probe for assertions, sharing no code with
 * {@link MpdConnection}.
 */
public final class MpdServer implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/bin/mpd");

    private final Path dir;
    private final Path music;
    private final int port;
    private Process process;
    private String password;

    private MpdServer(Path dir, Path music, int port) {
        this.dir = dir;
        this.music = music;
        this.port = port;
    }

    /** Why the MPD tests are skipped where Debian's mpd is missing. */
    public static final String NOT_INSTALLED = "mpd is not installed (/usr/bin/mpd): apt-get install mpd (.ci/run does)"
            + " to run the MPD tests";

    /**
     * Whether Debian's mpd is installed: the condition of the MPD test classes
     * ({@code @EnabledIf(value = "dev.sonority.api.mpd.MpdServer#installed", disabledReason = NOT_INSTALLED)}),
     * which reports every test skipped with that reason, and prints it, when it is not.
     */
    public static boolean installed() {
        boolean installed = Files.isExecutable(BINARY);
        if (!installed) {
            System.err.println("SKIPPED: " + NOT_INSTALLED);
        }
        return installed;
    }

    /** Skips the calling test, saying why, when Debian's mpd is not installed (CI installs it: .ci/run). */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(BINARY), NOT_INSTALLED);
    }

    /**
     * Starts MPD on {@code music} and waits until its database holds {@code songs} songs.
     *
     * @param password MPD's password (full permissions with it, read only without), or null for an open MPD
     */
    public static MpdServer start(Path dir, Path music, String password, int songs) {
        return start(dir, music, password, songs, FreePorts.pick());
    }

    /** As {@link #start(Path, Path, String, int)}, on a port chosen before (a Spring context names it first). */
    public static MpdServer start(Path dir, Path music, String password, int songs, int port) {
        assumeInstalled();
        MpdServer server = new MpdServer(dir, music, port);
        server.launch(password);
        server.command("update");
        await("MPD's database update").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> server.command("status").stream().noneMatch(l -> l.startsWith("updating_db:"))
                        && server.command("stats").contains("songs: " + songs));
        return server;
    }

    private void launch(String newPassword) {
        this.password = newPassword;
        try {
            Path playlists = Files.createDirectories(dir.resolve("playlists"));
            Path config = dir.resolve("mpd.conf");
            Files.writeString(config, String.join("\n",
                    "music_directory \"" + music + "\"",
                    "playlist_directory \"" + playlists + "\"",
                    "db_file \"" + dir.resolve("database") + "\"",
                    "state_file \"" + dir.resolve("state") + "\"",
                    "sticker_file \"" + dir.resolve("sticker.sql") + "\"",
                    "log_file \"" + dir.resolve("mpd.log") + "\"",
                    "bind_to_address \"127.0.0.1\"",
                    "port \"" + port + "\"",
                    "zeroconf_enabled \"no\"",
                    "auto_update \"no\"",
                    newPassword == null ? "" : "password \"" + newPassword + "@read,add,control,admin\"",
                    newPassword == null ? "" : "default_permissions \"read\"",
                    "audio_output {", "  type \"null\"", "  name \"null\"", "}", ""));
            process = new ProcessBuilder(BINARY.toString(), "--no-daemon", "--stderr", config.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("mpd.out").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await("MPD listening on " + port).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    if (!process.isAlive()) { // fails the wait at once, with MPD's own words
                        throw new IllegalStateException("mpd exited: " + Files.readString(dir.resolve("mpd.out")));
                    }
                    try (Socket ignored = new Socket("127.0.0.1", port)) {
                        return true;
                    } catch (IOException e) {
                        return false;
                    }
                });
    }

    public int port() {
        return port;
    }

    public Path playlistDirectory() {
        return dir.resolve("playlists");
    }

    /** Stops MPD (SIGTERM) and waits for it to exit: the port refuses connections afterwards. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts MPD again on the same port, database and playlists, with another password (null: none). */
    public void restart(String newPassword) {
        stop();
        launch(newPassword);
    }

    /**
     * Sends one raw command line (arguments already quoted) and returns the answer's lines up to {@code OK};
     * an {@code ACK} fails with it.
     */
    public List<String> command(String line) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            String greeting = in.readLine();
            if (greeting == null || !greeting.startsWith("OK MPD ")) {
                throw new IllegalStateException("not MPD: " + greeting);
            }
            StringBuilder request = new StringBuilder();
            if (password != null) {
                request.append("password \"").append(password).append("\"\n");
            }
            request.append(line).append('\n');
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (password != null && !"OK".equals(in.readLine())) {
                throw new IllegalStateException("the probe's password was refused");
            }
            List<String> lines = new ArrayList<>();
            for (String answer = in.readLine(); ; answer = in.readLine()) {
                if (answer == null || answer.startsWith("ACK")) {
                    throw new IllegalStateException("MPD answered " + answer + " to " + line);
                }
                if (answer.equals("OK")) {
                    return lines;
                }
                lines.add(answer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code file:} URIs of a stored playlist in order ({@code listplaylistinfo}). */
    public List<String> storedPlaylist(String name) {
        return files(command("listplaylistinfo " + quote(name)));
    }

    /** The {@code file:} URIs of the play queue in order ({@code playlistinfo}). */
    public List<String> queue() {
        return files(command("playlistinfo"));
    }

    /** The names of the stored playlists ({@code listplaylists}). */
    public List<String> storedPlaylists() {
        return command("listplaylists").stream().filter(l -> l.startsWith("playlist: "))
                .map(l -> l.substring("playlist: ".length())).toList();
    }

    /** Every song URI in MPD's database ({@code listall}). */
    public List<String> database() {
        return files(command("listall"));
    }

    private static List<String> files(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith("file: ")).map(l -> l.substring("file: ".length())).toList();
    }

    /** MPD's quoting, written out here independently of MpdCommand. */
    public static String quote(String argument) {
        return "\"" + argument.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public void close() {
        stop();
    }
}
