package dev.sonority.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * AUTH_OPEN_READS and AUTH_SOLA_MPD_WRITES on (as a compose install that Sola MPD uses would set them): Sola MPD's
 * header-less requests all pass, and everything else still needs its key.
 */
@TestPropertySource(properties = {"sonority.access.open-reads=true", "sonority.access.sola-mpd-writes=true"})
class OpenSwitchesIT extends KeyedApiTest {

    @BeforeEach
    void library() {
        reset();
        jdbc.sql("INSERT INTO song (path, title, artist, genre, file_size, file_mtime) VALUES"
                + " ('A/One.flac', 'One', 'A', 'Rock', 1, now())").update();
    }

    @Test
    void solaMpdsRequestsPassWithoutAKey() {
        Caller sola = anonymous();
        assertThat(sola.get("/health").status()).isEqualTo(200);
        assertThat(sola.get("/api/v1/stats").status()).isEqualTo(200);
        assertThat(sola.get("/api/v1/songs/search?q=piano&model_name=muq_mulan&limit=100").status()).isNotIn(401, 403);
        assertThat(sola.get("/api/v1/songs/A%2FOne.flac/similar?model_name=muq&limit=100").status()).isNotIn(401, 403);
        for (String job : new String[] {"scan", "vacuum", "analyze"}) {
            assertThat(sola.send("POST", "/api/v1/batch/" + job + "/run", null).status()).as(job).isEqualTo(200);
        }
        String task = sola.send("POST", "/api/v1/batch/scan/run", null).json().get("id").asString();
        assertThat(sola.get("/api/v1/batch/tasks/" + task).status()).isEqualTo(200);
    }

    @Test
    void everyOtherReadIsOpenButWritesAndAdminNeedTheirKeys() {
        Caller anyone = anonymous();
        assertThat(anyone.get("/api/v1/playlists").status()).isEqualTo(200);
        assertThat(anyone.send("POST", "/api/v1/alchemy", "{}").status()).isNotIn(401, 403);
        assertThat(anyone.send("POST", "/api/v1/playlists", "{\"name\": \"x\", \"songs\": []}").status()).isEqualTo(401);
        assertThat(anyone.send("POST", "/api/v1/batch/reindex/run", null).status()).isEqualTo(401);
        assertThat(anyone.send("POST", "/api/v1/tasks/" + java.util.UUID.randomUUID() + "/cancel", null).status())
                .isEqualTo(401);
        assertThat(anyone.send("DELETE", "/api/v1/playlists/1", null).status()).isEqualTo(401);
        assertThat(anyone.get("/api/v1/keys").status()).isEqualTo(401);
        assertThat(as(Role.READ).get("/api/v1/keys").status()).isEqualTo(403);
        // a wrong key is still refused where no key is needed: its holder should know
        assertThat(anyone.bearer("not-a-key").get("/api/v1/stats").status()).isEqualTo(401);
    }
}
