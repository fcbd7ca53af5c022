package dev.sonority.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every role against every endpoint (AUTH_MODE=keys). The endpoints come from Spring MVC's own request
 * mappings, and the roles from the table below, written from the definitions (read: every GET and search;
 * write: also jobs, playlists, MPD export, instant playlists, uploads; admin: also keys, schedules, model
 * downloads, deletes), not from {@link AccessRules}: an endpoint that lands without a row here fails the test.
 * For each: no key is 401, each weaker role's key is 403, and the role's own key gets past access control.
 */
class RoleTableIT extends KeyedApiTest {

    /** null: open to everyone. */
    private static final Map<String, Role> TABLE = new TreeMap<>();

    static {
        for (String open : List.of("GET /health", "POST /api/v1/session", "DELETE /api/v1/session", "GET /error")) {
            TABLE.put(open, null);
        }
        for (String read : List.of("GET /api/v1/stats", "GET /api/v1/songs", "GET /api/v1/songs/{*file_path}",
                "GET /api/v1/songs/search", "GET /api/v1/similar", "GET /api/v1/search", "GET /api/v1/path",
                "POST /api/v1/alchemy", "GET /api/v1/artists", "GET /api/v1/artists/{name}/songs",
                "GET /api/v1/artists/{name}/similar", "GET /api/v1/moods", "GET /api/v1/batch/tasks/{task_id}",
                "GET /api/v1/tasks", "GET /api/v1/tasks/{task_id}", "GET /api/v1/dead-letters", "GET /api/v1/index",
                "GET /api/v1/playlists", "GET /api/v1/playlists/{id}", "GET /api/v1/playlists/{id}.m3u", "GET /api/v1/clustering/runs",
                "GET /api/v1/clustering/runs/{id}", "GET /api/v1/schedules", "GET /api/v1/schedules/{id}",
                "GET /api/v1/map")) {
            TABLE.put(read, Role.READ);
        }
        for (String write : List.of("POST /api/v1/batch/scan/run", "POST /api/v1/batch/vacuum/run",
                "POST /api/v1/batch/analyze/run", "POST /api/v1/batch/reindex/run",
                "POST /api/v1/batch/revectorise/run", "POST /api/v1/tasks/{task_id}/cancel",
                "POST /api/v1/index/{model}/rebuild", "POST /api/v1/playlists", "PUT /api/v1/playlists/{id}",
                "POST /api/v1/playlists/{id}/mpd", "POST /api/v1/playlists/instant", "POST /api/v1/similar/audio",
                "POST /api/v1/clustering/run", "POST /api/v1/map/run")) {
            TABLE.put(write, Role.WRITE);
        }
        for (String admin : List.of("GET /api/v1/keys", "POST /api/v1/keys", "DELETE /api/v1/keys/{key_id}",
                "DELETE /api/v1/playlists/{id}", "GET /api/v1/library/export", "POST /api/v1/library/import",
                "POST /api/v1/schedules", "DELETE /api/v1/schedules/{id}")) {
            TABLE.put(admin, Role.ADMIN);
        }
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final Map<Role, Caller> callers = new EnumMap<>(Role.class);

    @BeforeEach
    void keys() {
        reset();
        for (Role role : Role.values()) {
            callers.put(role, as(role));
        }
    }

    @Test
    void everyEndpointOfTheApiHasARowInTheTable() {
        assertThat(endpoints()).as("endpoints without a row: give each its role here and in AccessRules")
                .containsExactlyInAnyOrderElementsOf(TABLE.keySet());
    }

    @Test
    void eachRoleIsAllowedWhereItShouldBeAndRefusedWhereNot() {
        List<String> wrong = new ArrayList<>();
        for (String endpoint : endpoints()) {
            if (!TABLE.containsKey(endpoint)) {
                continue; // the test above names it
            }
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = concrete(endpoint.substring(endpoint.indexOf(' ') + 1));
            String body = "GET".equals(method) || "DELETE".equals(method) ? null : "{}";
            Role needed = TABLE.get(endpoint);
            int anonymous = anonymous().send(method, path, body).status();
            if (needed == null) {
                expect(wrong, endpoint, "no key", anonymous, anonymous != 401 && anonymous != 403);
                continue;
            }
            expect(wrong, endpoint, "no key", anonymous, anonymous == 401);
            for (Role role : Role.values()) {
                int status = callers.get(role).send(method, path, body).status();
                if (role.covers(needed)) {
                    expect(wrong, endpoint, role.apiName() + " key", status, status != 401 && status != 403);
                } else {
                    expect(wrong, endpoint, role.apiName() + " key", status, status == 403);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static void expect(List<String> wrong, String endpoint, String who, int status, boolean ok) {
        if (!ok) {
            wrong.add(endpoint + " with " + who + " answered " + status + ", expected "
                    + (TABLE.get(endpoint) == null ? "open" : "role " + TABLE.get(endpoint).apiName()));
        }
    }

    /** "METHOD pattern" for each API route (a mapping without methods would take every method: named as GET). */
    private TreeSet<String> endpoints() {
        TreeSet<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            String beanPackage = mappings.getHandlerMethods().get(info).getBeanType().getPackageName();
            if (!beanPackage.startsWith("dev.sonority")) {
                continue; // springdoc's document and Swagger UI: GETs, read by the method rule (tested below)
            }
            var methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                if (methods.isEmpty()) {
                    endpoints.add("GET " + pattern);
                }
                for (RequestMethod method : methods) {
                    endpoints.add(method.name() + " " + pattern);
                }
            }
        }
        return endpoints;
    }

    @Test
    void theOpenApiDocumentNeedsAReadKey() {
        assertThat(anonymous().get("/v3/api-docs").status()).isEqualTo(401);
        assertThat(callers.get(Role.READ).get("/v3/api-docs").status()).isEqualTo(200);
    }

    @Test
    void anUnknownFuturePathFollowsTheMethodRule() {
        assertThat(callers.get(Role.READ).send("POST", "/api/v1/not-yet-built", "{}").status()).isEqualTo(403);
        assertThat(callers.get(Role.WRITE).send("POST", "/api/v1/not-yet-built", "{}").status()).isEqualTo(404);
        assertThat(callers.get(Role.WRITE).send("DELETE", "/api/v1/not-yet-built", null).status()).isEqualTo(403);
        assertThat(anonymous().get("/api/v1/not-yet-built").status()).isEqualTo(401);
    }

    @Test
    void aDoubleSlashOrEncodedSpellingReachesTheSameRule() {
        assertThat(callers.get(Role.WRITE).get("//api/v1/keys").status()).isEqualTo(403);
        assertThat(callers.get(Role.WRITE).get("/api/v1/%6Beys").status()).isIn(403, 404);
        assertThat(callers.get(Role.ADMIN).get("//api/v1/keys").status()).isEqualTo(200);
        assertThat(anonymous().get("//api/v1/stats").status()).isEqualTo(401);
    }

    private static String concrete(String pattern) {
        return pattern.replace("{*file_path}", "A%2FOne.flac").replace("{task_id}", UUID.randomUUID().toString())
                .replace("{id}", "999999").replace("{model}", "musicnn").replace("{name}", "A")
                .replace("{key_id}", "k0000000000");
    }
}
