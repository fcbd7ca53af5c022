package dev.sonority.api.songs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.api.support.ApiIntegrationTest;
import dev.sonority.api.support.Http;
import dev.sonority.contract.vector.VectorCodec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/songs/{file_path}/analysis}: Lainbow's {@code SongAnalysis} shape with Sonority's
 * descriptors added, for paths as Sola MPD and curl users send them.
 */
class SongAnalysisEndpointIT extends ApiIntegrationTest {

    static final String SONG = "Artist/Album #1/01 100% Ça va?.flac";
    static final String BARE = "Other/never analysed.mp3";

    @BeforeEach
    void library() {
        reset();
        jdbc.sql("INSERT INTO song (path, title, artist, album, duration_seconds, file_size, file_mtime)"
                + " VALUES (:p, 'Ça va', 'Artist', 'Album #1', 215.9, 1, now())").param("p", SONG).update();
        jdbc.sql("INSERT INTO song (path, file_size, file_mtime) VALUES (:p, 1, now())").param("p", BARE).update();
        long id = jdbc.sql("SELECT id FROM song WHERE path = :p").param("p", SONG).query(Long.class).single();
        float[] raw = new float[55];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = i; // value = position, so every slice below is checkable by its offsets
        }
        jdbc.sql("INSERT INTO embedding (song_id, model, kind, dim, data, model_version) VALUES (:id,"
                + " 'acoustic_features', 'raw', 55, :data, 'acoustic-2')").param("id", id)
                .param("data", VectorCodec.encode(raw)).update();
        jdbc.sql("""
                INSERT INTO song_descriptors (song_id, bpm, beat_confidence, musical_key, scale, key_strength,
                       loudness_lufs, loudness_range, energy, spectral_centroid_mean, spectral_bandwidth_mean,
                       null_reasons, model_version)
                VALUES (:id, 0.0, 0.375, 'F#', 'minor', 0.71, -9.5, 6.25, 0.12, 1.0, 3.0,
                        '{"danceability": "not computed yet"}', 'acoustic-2')""").param("id", id).update();
        for (String[] row : new String[][] {{"acoustic_features", "COMPLETED"}, {"clap", "RUNNING"},
            {"muq", "FAILED"}}) {
            jdbc.sql("INSERT INTO song_analysis (song_id, model, status) VALUES (:id, :m, :s)").param("id", id)
                    .param("m", row[0]).param("s", row[1]).update();
        }
    }

    @Test
    void answersLainbowsShapeWithSonoritysDescriptors() {
        for (String path : List.of(SongsEndpointsIT.encode(SONG, true), SongsEndpointsIT.encode(SONG, false))) {
            Http.Response response = http().get("//api/v1/songs/" + path + "/analysis");
            assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
            JsonNode analysis = response.json();

            assertThat(new ArrayList<>(analysis.propertyNames()).subList(0, 11)).containsExactly("file_path", "title",
                    "artist", "album", "duration_seconds", "has_features", "embeddings_status", "bpm",
                    "spectral_centroid_mean", "spectral_bandwidth_mean", "mfcc_mean");
            assertThat(analysis.propertyNames()).contains("chroma_mean", "key", "scale", "loudness_lufs", "energy",
                    "danceability");
            assertThat(analysis.get("file_path").asString()).isEqualTo(SONG);
            assertThat(analysis.get("duration_seconds").isInt()).isTrue();
            assertThat(analysis.get("duration_seconds").asInt()).isEqualTo(215);
            assertThat(analysis.get("has_features").asBoolean()).isTrue();
            assertThat(analysis.get("bpm").asDouble()).isEqualTo(0.0);
            assertThat(analysis.get("bpm_confidence").asDouble()).isEqualTo(0.375);
            assertThat(numbers(analysis.get("mfcc_mean"))).containsExactly(5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0,
                    13.0, 14.0, 15.0, 16.0, 17.0);
            assertThat(numbers(analysis.get("chroma_mean"))).containsExactly(31.0, 32.0, 33.0, 34.0, 35.0, 36.0, 37.0,
                    38.0, 39.0, 40.0, 41.0, 42.0);
            JsonNode status = analysis.get("embeddings_status");
            assertThat(status.propertyNames()).containsExactlyInAnyOrder("acoustic_features", "musicnn", "clap",
                    "mert", "muq", "muq_mulan");
            assertThat(status.get("acoustic_features").asString()).isEqualTo("COMPLETED");
            assertThat(status.get("clap").asString()).isEqualTo("PENDING");
            assertThat(status.get("muq").asString()).isEqualTo("FAILED");
            assertThat(status.get("mert").isNull()).isTrue();
            assertThat(analysis.get("key").asString()).isEqualTo("F#");
            assertThat(analysis.get("scale").asString()).isEqualTo("minor");
            assertThat(analysis.get("loudness_lufs").asDouble()).isEqualTo(-9.5);
            assertThat(analysis.get("danceability").isNull()).isTrue();
            assertThat(analysis.get("unavailable").get("danceability").asString()).isEqualTo("not computed yet");
        }
    }

    @Test
    void musicnnTagsAndMoodsComeByLabelInOutputOrder() {
        long id = jdbc.sql("SELECT id FROM song WHERE path = :p").param("p", SONG).query(Long.class).single();
        float[] tags = new float[50];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = i / 64f; // exact in float and double, so each score names its position
        }
        float[] moods = {0.5f, 0.25f, 0.125f, 0.75f, 0.0625f, 1f};
        for (Object[] row : new Object[][] {{"tags", tags}, {"moods", moods}}) {
            float[] data = (float[]) row[1];
            jdbc.sql("INSERT INTO embedding (song_id, model, kind, dim, data, model_version) VALUES (:id, 'musicnn',"
                    + " :kind, :dim, :data, 'musicnn-1')").param("id", id).param("kind", row[0])
                    .param("dim", data.length).param("data", VectorCodec.encode(data)).update();
        }

        JsonNode analysis = http().get("/api/v1/songs/" + SongsEndpointsIT.encode(SONG, true) + "/analysis").json();

        // Labels and order of msd-msd-musicnn-1's metadata (Essentia's model page) and AudioMuse-AI's mood heads.
        JsonNode tagScores = analysis.get("musicnn_tags");
        assertThat(tagScores.size()).isEqualTo(50);
        assertThat(new ArrayList<>(tagScores.propertyNames()).subList(0, 5)).containsExactly("rock", "pop",
                "alternative", "indie", "electronic");
        assertThat(tagScores.get("rock").asDouble()).isEqualTo(0.0);
        assertThat(tagScores.get("female vocalists").asDouble()).isEqualTo(5 / 64.0);
        assertThat(tagScores.get("Hip-Hop").asDouble()).isEqualTo(33 / 64.0);
        assertThat(tagScores.get("happy").asDouble()).isEqualTo(49 / 64.0);
        JsonNode moodScores = analysis.get("moods");
        assertThat(new ArrayList<>(moodScores.propertyNames())).containsExactly("danceable", "aggressive", "happy",
                "party", "relaxed", "sad");
        assertThat(moodScores.get("danceable").asDouble()).isEqualTo(0.5);
        assertThat(moodScores.get("party").asDouble()).isEqualTo(0.75);
        assertThat(moodScores.get("sad").asDouble()).isEqualTo(1.0);
    }

    @Test
    void withoutMusicnnAnalysisTagsAndMoodsAreNull() {
        JsonNode analysis = http().get("/api/v1/songs/" + SongsEndpointsIT.encode(SONG, true) + "/analysis").json();

        assertThat(analysis.get("musicnn_tags").isNull()).isTrue();
        assertThat(analysis.get("moods").isNull()).isTrue();
    }

    @Test
    void aSongNeverAnalysedHasNullsAndNoFeatures() {
        JsonNode analysis = http().get("/api/v1/songs/" + SongsEndpointsIT.encode(BARE, true) + "/analysis").json();

        assertThat(analysis.get("has_features").asBoolean()).isFalse();
        assertThat(analysis.get("mfcc_mean").isNull()).isTrue();
        assertThat(analysis.get("bpm").isNull()).isTrue();
        assertThat(analysis.get("bpm_confidence").isNull()).isTrue();
        assertThat(analysis.get("embeddings_status").get("acoustic_features").isNull()).isTrue();
    }

    @Test
    void unknownAndEscapingPathsAnswerLainbowsNotFound() {
        for (String path : List.of("No%2FSuch.flac", "..%2F..%2Fetc%2Fpasswd", "%2e%2e/%2e%2e/etc/passwd",
                "Artist/../Artist/Album%20%231/x.flac")) {
            Http.Response response = http().get("/api/v1/songs/" + path + "/analysis");
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.json().get("detail").asString()).as(path).isEqualTo("Song not found");
        }
    }

    private static List<Double> numbers(JsonNode array) {
        List<Double> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asDouble()));
        return values;
    }
}
