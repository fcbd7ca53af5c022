package dev.sonority.api.mpd;

import dev.sonority.audio.fixture.AudioFileWriter;
import dev.sonority.audio.fixture.FixtureTags;
import dev.sonority.audio.fixture.TestSignals;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small library of real, tagged audio files (FLAC, MP3, Ogg) for MPD to scan, with names that need MPD's quoting
 * and Sonority's path handling: spaces, double and single quotes, {@code #}, {@code %}, {@code ?}, commas, Unicode.
 * Each song's {@code path} is its id in both programs: the path relative to the music root with forward slashes.
 */
public final class GeneratedLibrary {

    /** One file: its id, tags and length. */
    public record Song(String path, String title, String artist, String album, double seconds) {
    }

    private GeneratedLibrary() {
    }

    public static List<Song> create(Path root) throws java.io.IOException {
        List<Song> songs = List.of(
                new Song("Artist A/Album One/01 First.flac", "First", "Artist A", "Album One", 1.0),
                new Song("Artist A/Album One/02 Second.mp3", "Second", "Artist A", "Album One", 2.0),
                new Song("Artist B/Ålbum – Ünïcödé/03 Ça va? #1 100% \"quoted\".ogg", "Ça va", "Artist B", "Ålbum", 1.5),
                new Song("Artist B/Spaces  in  names/04 it's, a comma.flac", "It's, a comma", "Artist B", "Spaces", 1.0),
                new Song("Artist C/05 日本語.flac", "Nihongo", "Artist C", null, 1.0),
                new Song("Artist C/06 plain.mp3", "Plain", null, null, 1.0));
        List<Song> written = new ArrayList<>();
        double hz = 220;
        for (Song song : songs) {
            Path file = root.resolve(song.path());
            Files.createDirectories(file.getParent());
            AudioFileWriter.write(file, TestSignals.sine(hz, song.seconds(), 44_100, 0.3), 44_100,
                    FixtureTags.of(song.title(), song.artist(), song.album()));
            written.add(song);
            hz *= 1.25;
        }
        return written;
    }
}
