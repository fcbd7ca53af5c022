package dev.sonority.worker.testing;

import dev.sonority.audio.fixture.AudioFileWriter;
import dev.sonority.audio.fixture.BrokenFiles;
import dev.sonority.audio.fixture.FixtureTags;
import dev.sonority.audio.fixture.TestSignals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small real music library on disk: tagged files in several formats, awkward names, broken files and a
 * symbolic link loop. {@link #good()} maps each readable song's expected id (path) to its title.
 */
public final class TestLibrary {

    private final Path root;
    private final Map<String, String> good = new LinkedHashMap<>();
    private final Map<String, String> broken = new LinkedHashMap<>();

    private TestLibrary(Path root) {
        this.root = root;
    }

    public static TestLibrary create(Path root) throws IOException {
        TestLibrary library = new TestLibrary(root);
        library.build();
        return library;
    }

    private void build() throws IOException {
        Files.createDirectories(root);
        song("Artist A/Album One/01 First.flac", "First", 440);
        song("Artist A/Album One/02 Second.mp3", "Second", 330);
        song("Artist B/Ålbum – Ünïcödé/03 Ça va? #1 100% \"quoted\".ogg", "Ça va", 523.25);
        song("Artist B/Spaces  in  names/04 it's.opus", "It's", 392);
        song("Artist C/05 Upper.M4A", "Upper", 261.63);
        song("Artist C/06 plain.wav", "Plain", 293.66);
        song("Artist C/07 日本語.aiff", "Nihongo", 349.23);
        Path broken = Files.createDirectories(root.resolve("Broken"));
        BrokenFiles.empty(broken.resolve("empty.mp3"));
        this.broken.put("Broken/empty.mp3", "EMPTY");
        BrokenFiles.text(broken.resolve("notes.flac"));
        this.broken.put("Broken/notes.flac", "NOT_AUDIO");
        Files.writeString(root.resolve("Artist A/Album One/cover.txt"), "not music, no audio extension");
        Files.createSymbolicLink(root.resolve("Artist A/Album One/loop"), root.resolve("Artist A"));
    }

    private void song(String path, String title, double hz) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        AudioFileWriter.write(file, TestSignals.sine(hz, 3.0, 44_100, 0.5), 44_100,
                FixtureTags.of(title, path.substring(0, path.indexOf('/')), "Test Album"));
        good.put(path, title);
    }

    public Path root() {
        return root;
    }

    /** Readable songs: id to title. */
    public Map<String, String> good() {
        return good;
    }

    /** Files with an audio extension that cannot be read: id to the failure reason a scan records. */
    public Map<String, String> broken() {
        return broken;
    }
}
