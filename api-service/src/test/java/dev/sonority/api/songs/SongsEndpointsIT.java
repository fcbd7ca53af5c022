package dev.sonority.api.songs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.api.support.ApiIntegrationTest;
import dev.sonority.api.support.Http;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SongsEndpointsIT extends ApiIntegrationTest {

    static final String PLAIN = "Artist/Album/01 Title.flac";
    static final String NFD = Normalizer.normalize("Björk/Homogenic/01 Hunter.flac", Normalizer.Form.NFD);
    static final String NFC = Normalizer.normalize("Sigur Rós/Takk/02 Glósóli.flac", Normalizer.Form.NFC);
    static final String WEIRD = "Weird/100% #1? a&b + c;d=e.mp3";
    static final String BROKEN = "Broken/file.mp3";
    static final String GONE = "Gone/away.ogg";

    @BeforeEach
    void library() {
        reset();
        jdbc.sql("""
                INSERT INTO song (path, title, artist, album, genre, year, track_number, duration_seconds, file_size,
                                  file_mtime, format, codec, sample_rate, channels, bitrate, tag_source)
                VALUES (:path, 'Title', 'Artist', 'Album', 'Rock', 1999, 1, 215.5, 31000000, now(), 'flac', 'flac',
                        44100, 2, 1411, 'JAUDIOTAGGER')""").param("path", PLAIN).update();
        for (String path : List.of(NFD, NFC, WEIRD)) {
            jdbc.sql("INSERT INTO song (path, file_size, file_mtime) VALUES (:p, 1, now())").param("p", path).update();
        }
        jdbc.sql("INSERT INTO song (path, file_size, file_mtime, scan_error) VALUES (:p, 1, now(), 'not an audio file')")
                .param("p", BROKEN).update();
        jdbc.sql("INSERT INTO song (path, file_size, file_mtime, missing_since) VALUES (:p, 1, now(), now())")
                .param("p", GONE).update();
        analysis(PLAIN, "clap", "FAILED", "decode failed: truncated", 3);
        analysis(PLAIN, "acoustic_features", "COMPLETED", null, 1);
        analysis(PLAIN, "musicnn", "PENDING", null, 0);
        analysis(NFD, "acoustic_features", "COMPLETED", null, 1);
        analysis(NFC, "clap", "COMPLETED", null, 1);
        analysis(GONE, "clap", "FAILED", "gone", 1);
    }

    @Test
    void listsSongsByPathWithTagsStreamInfoAndAnalysisPerModel() {
        JsonNode list = http().get("/api/v1/songs").json();
        assertThat(list.propertyNames()).containsExactly("songs", "total", "limit", "offset");
        assertThat(paths(list)).containsExactly(PLAIN, NFD, BROKEN, NFC, WEIRD);
        assertThat(list.get("total").asLong()).isEqualTo(5);
        JsonNode song = list.get("songs").get(0);
        assertThat(song.propertyNames()).containsExactly("file_path", "title", "artist", "album", "album_artist",
                "genre", "year", "track_number", "duration_seconds", "format", "codec", "sample_rate", "channels",
                "bitrate", "file_size", "tag_source", "scan_error", "missing_since", "added_at", "updated_at",
                "analysis");
        assertThat(song.get("duration_seconds").asDouble()).isEqualTo(215.5);
        assertThat(song.get("sample_rate").asInt()).isEqualTo(44100);
        assertThat(song.get("channels").asInt()).isEqualTo(2);
        assertThat(song.get("codec").asString()).isEqualTo("flac");
        assertThat(song.get("analysis").propertyNames()).containsExactly("acoustic_features", "musicnn", "clap");
        JsonNode clap = song.get("analysis").get("clap");
        assertThat(clap.get("status").asString()).isEqualTo("FAILED");
        assertThat(clap.get("error_reason").asString()).isEqualTo("decode failed: truncated");
        assertThat(clap.get("attempts").asInt()).isEqualTo(3);
        assertThat(list.get("songs").get(2).get("scan_error").asString()).isEqualTo("not an audio file");
        assertThat(list.get("songs").get(2).get("analysis").isEmpty()).isTrue();
    }

    @Test
    void filtersByAnalysisStatusModelFailureAndMissing() {
        assertThat(paths(http().get("/api/v1/songs?status=FAILED").json())).containsExactly(PLAIN);
        assertThat(paths(http().get("/api/v1/songs?status=FAILED&model=clap").json())).containsExactly(PLAIN);
        assertThat(paths(http().get("/api/v1/songs?status=failed&model=musicnn").json())).isEmpty();
        assertThat(paths(http().get("/api/v1/songs?model=clap").json())).containsExactly(PLAIN, NFC);
        assertThat(paths(http().get("/api/v1/songs?model=acoustic_features&status=NONE").json()))
                .containsExactly(BROKEN, NFC, WEIRD);
        assertThat(paths(http().get("/api/v1/songs?failed=true").json())).containsExactly(PLAIN, BROKEN);
        assertThat(paths(http().get("/api/v1/songs?scan_error=true").json())).containsExactly(BROKEN);
        assertThat(paths(http().get("/api/v1/songs?status=FAILED&include_missing=true").json()))
                .containsExactly(PLAIN, GONE);
        JsonNode page = http().get("//api/v1/songs?limit=2&offset=1").json();
        assertThat(paths(page)).containsExactly(NFD, BROKEN);
        assertThat(page.get("total").asLong()).isEqualTo(5);

        for (String query : new String[] {"model=wav2vec", "status=DONE", "status=NONE", "limit=0", "offset=-3"}) {
            Http.Response response = http().get("/api/v1/songs?" + query);
            assertThat(response.status()).as(query).isEqualTo(422);
            assertThat(response.contentType()).as(query).startsWith("application/problem+json");
        }
    }

    @Test
    void findsOneSongByItsPathEncodedAsOneSegmentOrSeveral() {
        for (String path : List.of(PLAIN, NFD, NFC, WEIRD, GONE)) {
            for (boolean slashEncoded : new boolean[] {true, false}) {
                String url = "/api/v1/songs/" + encode(path, slashEncoded);
                Http.Response response = http().get(url);
                assertThat(response.status()).as(url).isEqualTo(200);
                assertThat(response.json().get("file_path").asString()).as(url).isEqualTo(path);
            }
        }
        assertThat(http().get("//api/v1/songs/" + encode(PLAIN, true)).status()).isEqualTo(200);
        assertThat(http().get("/api/v1/songs/" + encode(GONE, true)).json().get("missing_since").isNull()).isFalse();
        assertThat(http().get("/api/v1/songs/" + encode(PLAIN, true)).json().get("analysis").get("clap")
                .get("error_reason").asString()).isEqualTo("decode failed: truncated");
    }

    @Test
    void triesTheOtherUnicodeNormalisation() {
        String nfcSpellingOfNfd = Normalizer.normalize(NFD, Normalizer.Form.NFC);
        String nfdSpellingOfNfc = Normalizer.normalize(NFC, Normalizer.Form.NFD);
        assertThat(nfcSpellingOfNfd).isNotEqualTo(NFD);
        assertThat(http().get("/api/v1/songs/" + encode(nfcSpellingOfNfd, true)).json().get("file_path").asString())
                .isEqualTo(NFD);
        assertThat(http().get("/api/v1/songs/" + encode(nfdSpellingOfNfc, false)).json().get("file_path").asString())
                .isEqualTo(NFC);
    }

    @Test
    void pathsThatLeaveTheMusicRootAreNotFound() {
        String plainEncoded = encode(PLAIN, true);
        List<String> hostile = List.of(
                "..%2F..%2Fetc%2Fpasswd",
                "%2e%2e/%2e%2e/etc/passwd",
                "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                "../../etc/passwd",
                "%2Fetc%2Fpasswd",
                "%2F" + plainEncoded,
                "Artist%2F..%2F" + plainEncoded,
                "Artist/./Album/01%20Title.flac",
                "Artist/Album/%2E/01%20Title.flac",
                "Artist%5CAlbum%5C01%20Title.flac",
                "..%5C..%5Cwindows%5Cwin.ini",
                "Artist%2F%2FAlbum%2F01%20Title.flac");
        for (String path : hostile) {
            Http.Response response = http().get("/api/v1/songs/" + path);
            assertThat(response.status()).as(path).isEqualTo(404);
        }
        // Tomcat refuses a URI with an encoded NUL itself (400 "Invalid URI") before any application code runs;
        // SongPathTest covers NUL for callers that get their path another way.
        assertThat(http().get("/api/v1/songs/Artist%2FAlbum%2F01%20Title.flac%00.jpg").status()).isEqualTo(400);

        Http.Response unknown = http().get("/api/v1/songs/No%2FSuch%2FSong.flac");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json().get("detail").asString()).isEqualTo("Song not found");
    }

    private void analysis(String path, String model, String status, String error, int attempts) {
        jdbc.sql("""
                INSERT INTO song_analysis (song_id, model, status, error_reason, attempts)
                SELECT id, :model, :status, :error, :attempts FROM song WHERE path = :path""")
                .param("path", path).param("model", model).param("status", status).param("error", error)
                .param("attempts", attempts).update();
    }

    private static List<String> paths(JsonNode list) {
        return list.get("songs").valueStream().map(s -> s.get("file_path").asString()).toList();
    }

    /** Percent-encodes every UTF-8 byte except unreserved characters; '/' stays a separator unless asked. */
    static String encode(String path, boolean slashEncoded) {
        StringBuilder out = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0
                    || (c == '/' && !slashEncoded)) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
