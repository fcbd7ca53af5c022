package dev.sonority.api.instant;

import static org.awaitility.Awaitility.await;

import dev.sonority.api.index.EmbeddedIndexes;
import dev.sonority.contract.models.MusicnnLabels;
import dev.sonority.contract.vector.VectorCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A library with known properties, written as an analysis leaves it: 8 genres of 3 artists with 5 songs each
 * (120 songs, plus one duplicate recording), each song with a year, a tempo, a key, MusiCNN's six moods, a MusiCNN
 * search vector near its genre's centre, and the text_minilm vector ({@link WordVectors}) of the sentence the
 * worker embeds. Genres set the ranges (metal is fast and aggressive, classical slow and relaxed, ...); a seed
 * fixes the rest, so the library is the same on every run.
 */
final class GeneratedLibrary {

    /** One song as written. */
    record Song(long id, String path, String title, String artist, String genre, int year, double bpm,
            float[] moods) {
        boolean mood(String name) {
            return moods[MusicnnLabels.MOODS.indexOf(name)] >= 0.5f;
        }
    }

    private record Profile(String genre, double bpmMin, double bpmMax, int yearMin, int yearMax, float[] moods,
            List<String> artists) {
    }

    // moods: danceable, aggressive, happy, party, relaxed, sad
    private static final List<Profile> PROFILES = List.of(
            new Profile("Rock", 100, 160, 1965, 2010, new float[] {0.4f, 0.55f, 0.5f, 0.4f, 0.25f, 0.3f},
                    List.of("Granite Keys", "Copper Lanterns", "Northbound Static")),
            new Profile("Jazz", 80, 140, 1955, 1995, new float[] {0.3f, 0.1f, 0.45f, 0.2f, 0.75f, 0.35f},
                    List.of("Velvet Ashford Trio", "Harbor Quintet", "Nadia Okafor")),
            new Profile("Electronic", 118, 135, 1990, 2023, new float[] {0.8f, 0.3f, 0.5f, 0.7f, 0.25f, 0.2f},
                    List.of("Neon Cartography", "Signal Orchard", "Pulsewidth")),
            new Profile("Hip-Hop", 85, 100, 1985, 2023, new float[] {0.65f, 0.4f, 0.45f, 0.6f, 0.3f, 0.3f},
                    List.of("Concrete Verse", "Marrow Kings", "Tall Grass Collective")),
            new Profile("Classical", 60, 90, 1960, 2020, new float[] {0.1f, 0.1f, 0.35f, 0.05f, 0.8f, 0.5f},
                    List.of("Aurelia Strings", "Hollow Oak Ensemble", "Marguerite Lenz")),
            new Profile("Metal", 140, 190, 1980, 2023, new float[] {0.3f, 0.85f, 0.2f, 0.35f, 0.05f, 0.35f},
                    List.of("Iron Vesper", "Cinder Throne", "Obsidian March")),
            new Profile("Folk", 70, 110, 1965, 2020, new float[] {0.2f, 0.1f, 0.45f, 0.15f, 0.65f, 0.55f},
                    List.of("Willow and Finch", "Aldous Reed", "The Lantern Makers")),
            new Profile("Pop", 95, 130, 1980, 2023, new float[] {0.65f, 0.15f, 0.75f, 0.55f, 0.35f, 0.2f},
                    List.of("Sunday Parade", "Lila Moreno", "Glass Hearts")));
    private static final List<String> ADJECTIVES = List.of("Midnight", "Paper", "Silver", "Distant", "Burning",
            "Hollow", "Golden", "Quiet", "Electric", "Wandering", "Broken", "Crimson", "Endless", "Frozen", "Open");
    private static final List<String> NOUNS = List.of("Road", "Rain", "Harbor", "Engine", "Garden", "Signal",
            "River", "Window", "Lantern", "Horizon", "Letter", "Mirror", "Station", "Orbit", "Field");
    static final List<String> KEYS = List.of("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B");
    static final int MUSICNN_DIM = 16;

    final Map<Long, Song> songs = new LinkedHashMap<>();
    private final JdbcClient jdbc;

    GeneratedLibrary(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the library into an empty database and returns it. */
    static GeneratedLibrary write(JdbcClient jdbc) {
        GeneratedLibrary library = new GeneratedLibrary(jdbc);
        SplittableRandom random = new SplittableRandom(20_261_207);
        int genreIndex = 0;
        for (Profile profile : PROFILES) {
            for (String artist : profile.artists()) {
                String album = ADJECTIVES.get(random.nextInt(ADJECTIVES.size())) + " Sessions";
                java.util.Set<String> titles = new java.util.HashSet<>();
                for (int track = 1; track <= 5; track++) {
                    String title;
                    do { // an artist's songs have distinct titles: only the duplicate below is the same recording
                        title = ADJECTIVES.get(random.nextInt(ADJECTIVES.size())) + " " + NOUNS.get(random.nextInt(NOUNS.size()));
                    } while (!titles.add(title));
                    int year = profile.yearMin() + random.nextInt(profile.yearMax() - profile.yearMin() + 1);
                    double bpm = Math.round(profile.bpmMin() + random.nextDouble() * (profile.bpmMax() - profile.bpmMin()));
                    float[] moods = new float[6];
                    for (int m = 0; m < 6; m++) {
                        moods[m] = (float) Math.clamp(profile.moods()[m] + (random.nextDouble() - 0.5) * 0.6, 0, 1);
                    }
                    String path = profile.genre() + "/" + artist + "/" + album + "/0" + track + " " + title + ".flac";
                    library.add(path, title, artist, album, profile.genre(), year, bpm, KEYS.get(random.nextInt(12)),
                            random.nextBoolean() ? "major" : "minor", moods, genreIndex, random);
                }
            }
            genreIndex++;
        }
        // the same recording again, on a compilation: one of them may be in a playlist, never both
        Song first = library.songs.values().iterator().next();
        library.add(first.genre() + "/Compilations/Best Of/" + first.title() + ".mp3", first.title(), first.artist(),
                "Best Of", first.genre(), first.year(), first.bpm(), "C", "major", first.moods(), 0, random);
        return library;
    }

    private void add(String path, String title, String artist, String album, String genre, int year, double bpm,
            String key, String scale, float[] moods, int genreIndex, SplittableRandom random) {
        long id = jdbc.sql("""
                INSERT INTO song (path, title, artist, album, genre, year, duration_seconds, file_size, file_mtime)
                VALUES (:path, :title, :artist, :album, :genre, :year, :duration, 1, now()) RETURNING id""")
                .param("path", path).param("title", title).param("artist", artist).param("album", album)
                .param("genre", genre).param("year", year).param("duration", 150 + random.nextInt(200))
                .query(Long.class).single();
        jdbc.sql("""
                INSERT INTO song_descriptors (song_id, bpm, musical_key, scale, model_version)
                VALUES (:id, :bpm, :key, :scale, 'test')""")
                .param("id", id).param("bpm", bpm).param("key", key).param("scale", scale).update();
        vector(id, "musicnn", "moods", moods);
        float[] sound = new float[MUSICNN_DIM];
        sound[genreIndex] = 1;
        for (int i = 0; i < MUSICNN_DIM; i++) {
            sound[i] += (float) ((random.nextDouble() - 0.5) * 0.5);
        }
        vector(id, "musicnn", "search", unit(sound));
        vector(id, "text_minilm", "search", WordVectors.of(sentence(title, artist, album, genre, year, bpm, moods)));
        songs.put(id, new Song(id, path, title, artist, genre, year, bpm, moods));
    }

    /** What the worker's metadata sentence says of a song (SongSentence in batch-worker), in words. */
    private static String sentence(String title, String artist, String album, String genre, int year, double bpm,
            float[] moods) {
        List<String> moodWords = new ArrayList<>();
        for (int m = 0; m < 6; m++) {
            if (moods[m] >= 0.5f) {
                moodWords.add(MusicnnLabels.MOODS.get(m));
            }
        }
        String tempo = bpm < 90 ? "slow" : bpm > 125 ? "fast" : "moderate";
        return String.format(Locale.ROOT, "%s by %s from %s. %s, %d. %s tempo. %s", title, artist, album, genre, year,
                tempo, String.join(", ", moodWords));
    }

    private void vector(long id, String model, String kind, float[] values) {
        jdbc.sql("""
                INSERT INTO embedding (song_id, model, kind, dim, data, model_version)
                VALUES (:id, :model, :kind, :dim, :data, 'test')""")
                .param("id", id).param("model", model).param("kind", kind).param("dim", values.length)
                .param("data", VectorCodec.encode(values)).update();
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    Song byPath(String path) {
        return songs.values().stream().filter(s -> s.path().equals(path)).findFirst().orElseThrow();
    }

    /** Refreshes the embedded indexes, once their first load is done, as an index event would. */
    static void refreshIndexes(EmbeddedIndexes indexes) {
        await("the indexes' first load").atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50)).until(indexes::started);
        indexes.refresh("musicnn");
        indexes.refresh("text_minilm");
    }
}
