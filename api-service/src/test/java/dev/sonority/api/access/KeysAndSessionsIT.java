package dev.sonority.api.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonority.api.support.Http;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/** Keys through /api/v1/keys, the bad-key rule, the bootstrap admin key, the web UI's session and its CSRF. */
@ExtendWith(OutputCaptureExtension.class)
class KeysAndSessionsIT extends KeyedApiTest {

    @BeforeEach
    void empty() {
        reset();
    }

    @Test
    void anAdminCreatesListsAndRevokesKeysAndTheKeyIsShownOnlyOnce(CapturedOutput output) {
        Caller admin = anonymous().bearer(ADMIN_KEY);
        Http.Response created = admin.send("POST", "/api/v1/keys", "{\"name\": \"sola\", \"role\": \"write\"}");
        assertThat(created.status()).isEqualTo(201);
        String key = created.json().get("key").asString();
        String keyId = created.json().get("key_id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/keys/" + keyId);
        assertThat(created.json().get("role").asString()).isEqualTo("write");

        Caller holder = anonymous().with("X-Api-Key", key);
        assertThat(holder.send("POST", "/api/v1/batch/scan/run", null).status()).isEqualTo(200);
        assertThat(holder.get("/api/v1/keys").status()).isEqualTo(403);

        Http.Response list = admin.get("/api/v1/keys");
        assertThat(list.status()).isEqualTo(200);
        JsonNode listed = list.json().get("keys");
        assertThat(listed.findValuesAsString("key_id")).contains(keyId, ApiKeys.BOOTSTRAP_ID);
        for (JsonNode entry : listed) {
            assertThat(entry.propertyNames()).containsExactlyInAnyOrder("key_id", "name", "role", "created_at",
                    "revoked_at");
        }

        assertThat(admin.send("DELETE", "/api/v1/keys/" + keyId, null).status()).isEqualTo(204);
        assertThat(holder.get("/api/v1/stats").status()).isEqualTo(401);
        assertThat(admin.send("DELETE", "/api/v1/keys/k0000000000", null).status()).isEqualTo(404);

        // neither the key nor its hash in any answer or log line (Spring Security logs at DEBUG here)
        byte[] hash = ApiKeys.hash(key);
        List<String> secrets = List.of(key, key.substring(key.lastIndexOf('_') + 1), HexFormat.of().formatHex(hash),
                Base64.getEncoder().encodeToString(hash), ADMIN_KEY);
        String answers = list.body() + admin.get("/api/v1/keys").body() + holder.get("/api/v1/stats").body();
        for (String secret : secrets) {
            assertThat(answers).doesNotContain(secret);
            assertThat(output.getAll()).doesNotContain(secret);
        }
        assertThat(output.getAll()).as("the log was captured").contains("o.s.security");
    }

    @Test
    void aBadKeyIs401WithTheSameAnswerWhateverIsWrongWithIt() {
        ApiKeys.NewKey admin = keys.create("revoked admin", Role.ADMIN);
        keys.revoke(admin.stored().keyId());
        String revoked = admin.key();
        String wellFormedUnknown = "snr_k0123456789_" + "A".repeat(43);
        List<Caller> bad = List.of(anonymous(), anonymous().bearer(revoked), anonymous().bearer(wellFormedUnknown),
                anonymous().bearer(""), anonymous().with("Authorization", "Basic YWRtaW46YWRtaW4="),
                anonymous().with("X-Api-Key", "x"), anonymous().with("X-Api-Key", "\u00e9t\u00e9"),
                anonymous().with("X-Api-Key", ADMIN_KEY).bearer(wellFormedUnknown),
                anonymous().with("X-Api-Key", "k".repeat(5000)));
        Http.Response first = bad.getFirst().get("/api/v1/playlists");
        assertThat(first.status()).isEqualTo(401);
        assertThat(first.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(first.contentType()).startsWith("application/problem+json");
        for (Caller caller : bad) {
            Http.Response answer = caller.get("/api/v1/playlists");
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.body()).isEqualTo(first.body());
        }
        // a Lainbow endpoint answers in its own shape
        Http.Response lainbow = anonymous().bearer(revoked).get("/api/v1/stats");
        assertThat(lainbow.status()).isEqualTo(401);
        assertThat(lainbow.json().get("detail").asString()).isEqualTo(AccessProblems.UNAUTHORIZED);
    }

    @Test
    void aWeakerRoleIs403NamingTheRoleAndASignInWithABadKeyIs401() {
        Http.Response refused = as(Role.READ).send("POST", "/api/v1/playlists", "{}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asString()).contains("(read)");
        Http.Response signIn = anonymous().send("POST", "/api/v1/session", "{\"key\": \"nope\"}");
        assertThat(signIn.status()).isEqualTo(401);
        assertThat(signIn.json().get("detail").asString()).isEqualTo(AccessProblems.UNAUTHORIZED);
        assertThat(anonymous().send("POST", "/api/v1/session", "{\"secret\": 1}").status()).isEqualTo(422);
        assertThat(as(Role.ADMIN).send("POST", "/api/v1/keys", "{\"name\": \"x\", \"role\": \"root\"}").status())
                .isEqualTo(422);
        assertThat(as(Role.ADMIN).send("POST", "/api/v1/keys", "{\"name\": \"\\u0000\", \"role\": \"read\"}")
                .status()).isEqualTo(422);
    }

    @Test
    void theBootstrapAdminKeyIsStoredOnceAndRotatesWhenItChanges() {
        AdminKeyBootstrap bootstrap = new AdminKeyBootstrap(properties(ADMIN_KEY), keys);
        bootstrap.afterSingletonsInstantiated();
        bootstrap.afterSingletonsInstantiated();
        assertThat(bootstrapRows()).isEqualTo(1);
        assertThat(anonymous().bearer(ADMIN_KEY).get("/api/v1/keys").status()).isEqualTo(200);

        keys.revoke(ApiKeys.BOOTSTRAP_ID); // revoked through the API: the same key at the next start stays revoked
        bootstrap.afterSingletonsInstantiated();
        assertThat(anonymous().bearer(ADMIN_KEY).get("/api/v1/keys").status()).isEqualTo(401);

        String rotated = "a-new-admin-key-after-a-rotation-0123456789";
        new AdminKeyBootstrap(properties(rotated), keys).afterSingletonsInstantiated();
        assertThat(bootstrapRows()).isEqualTo(1);
        assertThat(anonymous().bearer(rotated).get("/api/v1/keys").status()).isEqualTo(200);
        assertThat(anonymous().bearer(ADMIN_KEY).get("/api/v1/keys").status()).isEqualTo(401);

        new AdminKeyBootstrap(properties(ADMIN_KEY), keys).afterSingletonsInstantiated(); // as the context started
        assertThatThrownBy(() -> new AdminKeyBootstrap(properties("short"), keys).afterSingletonsInstantiated())
                .hasMessageContaining("SONORITY_ADMIN_KEY").hasMessageNotContaining("short");
    }

    @Test
    void theWebUiSignsInWithAKeyAndItsCookieWritesNeedTheCsrfToken() {
        String key = keyOf(Role.WRITE);
        Http.Response signIn = anonymous().send("POST", "/api/v1/session", "{\"key\": \"" + key + "\"}");
        assertThat(signIn.status()).isEqualTo(200);
        assertThat(signIn.json().get("role").asString()).isEqualTo("write");
        assertThat(signIn.body()).doesNotContain(key);
        String session = cookie(signIn, "SONORITY_SESSION");
        assertThat(session).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
        String csrf = cookie(signIn, "XSRF-TOKEN");
        assertThat(csrf).containsIgnoringCase("SameSite=Strict").doesNotContainIgnoringCase("HttpOnly");
        String token = signIn.json().get("csrf_token").asString();
        assertThat(signIn.json().get("csrf_header").asString()).isEqualTo("X-XSRF-TOKEN");
        assertThat(value(csrf)).isEqualTo(token);

        Caller browser = anonymous().with("Cookie", "SONORITY_SESSION=" + value(session) + "; XSRF-TOKEN=" + token);
        assertThat(browser.get("/api/v1/playlists").status()).isEqualTo(200);
        String playlist = "{\"name\": \"Evening\", \"songs\": []}";
        Http.Response forged = browser.send("POST", "/api/v1/playlists", playlist);
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.json().get("detail").asString()).contains("CSRF");
        assertThat(browser.with("X-XSRF-TOKEN", "wrong").send("POST", "/api/v1/playlists", playlist).status())
                .isEqualTo(403);
        Http.Response written = browser.with("X-XSRF-TOKEN", token).send("POST", "/api/v1/playlists", playlist);
        assertThat(written.status()).isNotIn(401, 403);
        assertThat(browser.with("X-XSRF-TOKEN", token).send("DELETE", "/api/v1/playlists/1", null).status())
                .as("a write key's session is not an admin").isEqualTo(403);

        // a key in a header needs no CSRF token, cookie or not
        assertThat(browser.bearer(key).send("POST", "/api/v1/playlists", playlist).status()).isNotIn(401, 403);

        // signing out ends the session; revoking the key ends every session made with it
        assertThat(browser.with("X-XSRF-TOKEN", token).send("DELETE", "/api/v1/session", null).status())
                .isEqualTo(204);
        assertThat(browser.get("/api/v1/playlists").status()).isEqualTo(401);
        Http.Response again = anonymous().send("POST", "/api/v1/session", "{\"key\": \"" + key + "\"}");
        Caller signedIn = anonymous().with("Cookie", "SONORITY_SESSION=" + value(cookie(again, "SONORITY_SESSION")));
        assertThat(signedIn.get("/api/v1/playlists").status()).isEqualTo(200);
        keys.revoke(again.json().get("key_id").asString());
        assertThat(signedIn.get("/api/v1/playlists").status()).isEqualTo(401);
    }

    private long bootstrapRows() {
        return jdbc.sql("SELECT count(*) FROM api_key WHERE key_id = ?").param(ApiKeys.BOOTSTRAP_ID)
                .query(Long.class).single();
    }

    private static AccessProperties properties(String adminKey) {
        return new AccessProperties(AuthMode.KEYS, adminKey, false, false);
    }

    private static String cookie(Http.Response response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .filter(Objects::nonNull).findFirst().orElseThrow(() -> new AssertionError("no cookie " + name
                        + " in " + response.headers().allValues("Set-Cookie")));
    }

    private static String value(String setCookie) {
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }
}
