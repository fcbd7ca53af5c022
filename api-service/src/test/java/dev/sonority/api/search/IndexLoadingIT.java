package dev.sonority.api.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sonority.api.SonorityApiApplication;
import dev.sonority.api.support.BrokerCleanup;
import dev.sonority.contract.vector.VectorCodec;
import dev.sonority.testing.TestBroker;
import dev.sonority.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A restart with a library already analysed and no snapshot: while the index builds, Sola MPD's similar
 * request gets 503 with Retry-After (never a wrong empty list or a 404), then the right answer. The library is
 * written before the API starts (schema by Flyway, as the API would apply it), large enough that the build
 * takes seconds, so the first requests fall inside it.
 */
@SpringBootTest(classes = SonorityApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sonority.search.song-refresh=0s", "sonority.index.exact-below=100"})
class IndexLoadingIT {

    static final int SONGS = 15_000;
    static final int DIM = 256;
    static final TestDatabase DB = TestDatabase.create();
    static final TestBroker MQ = TestBroker.create();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) throws Exception {
        try (Connection connection = DB.migrate().connect()) {
            write(connection);
        }
        DB.register(registry::add);
        MQ.register(registry::add);
    }

    static {
        // at JVM exit, as ApiIntegrationTest does: Spring keeps this context (and its connections) cached until then
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            BrokerCleanup.delete(MQ);
            DB.close();
        }));
    }

    @LocalServerPort
    int port;

    @Test
    void similarIs503WithRetryAfterWhileTheIndexBuildsThenAnswers() throws Exception {
        String request = "/api/v1/songs/Song%20" + 7 + ".flac/similar?model_name=muq&limit=10";
        List<Integer> before = new ArrayList<>();
        // every answer until the index is in is a 503 (checked on each poll; a failed check ends the wait)
        RawHttp.Answer answer = await().atMost(Duration.ofMinutes(3)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50)).until(() -> {
                    RawHttp.Answer polled = RawHttp.get(port, request);
                    if (polled.status() != 200) {
                        before.add(polled.status());
                        assertThat(polled.status()).as(polled.body()).isEqualTo(503);
                        assertThat(polled.header("Retry-After")).isEqualTo("5");
                        assertThat(polled.body()).contains("loading");
                    }
                    return polled;
                }, polled -> polled.status() == 200);
        assertThat(before).as("requests answered while the index was loading").isNotEmpty();
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("X-Sonority-Model")).isEqualTo("clap");
        assertThat(answer.json().get("songs")).hasSize(10);
        // song 7's nearest are the songs of its cluster (every 10th), which the index must have found
        assertThat(SearchLibrary.paths(answer.json().get("songs")))
                .allSatisfy(path -> assertThat(Integer.parseInt(path.replaceAll("\\D", "")) % 10).isEqualTo(7));
    }

    /** Ten tight clusters: song i belongs to cluster i % 10. */
    private static void write(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO song (path, title, file_size, file_mtime) SELECT 'Song ' || i || '.flac',"
                    + " 'Song ' || i, 1, now() FROM generate_series(0, " + (SONGS - 1) + ") i ORDER BY i");
        }
        Random random = new Random(11);
        float[][] centres = new float[10][DIM];
        for (float[] centre : centres) {
            for (int d = 0; d < DIM; d++) {
                centre[d] = (float) random.nextGaussian();
            }
        }
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO embedding (song_id, model, kind, dim,"
                + " data, model_version) SELECT id, 'clap', 'search', ?, ?, 'test' FROM song WHERE path = ?")) {
            for (int i = 0; i < SONGS; i++) {
                float[] v = new float[DIM];
                for (int d = 0; d < DIM; d++) {
                    v[d] = centres[i % 10][d] + 0.05f * (float) random.nextGaussian();
                }
                insert.setInt(1, DIM);
                insert.setBytes(2, VectorCodec.encode(v));
                insert.setString(3, "Song " + i + ".flac");
                insert.addBatch();
                if (i % 1_000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        connection.commit();
    }
}
