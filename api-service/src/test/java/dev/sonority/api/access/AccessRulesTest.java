package dev.sonority.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The switches and the rules for routes that do not exist yet (clustering, schedules, export), by hand. */
class AccessRulesTest {

    private static AccessRules rules(boolean openReads, boolean solaWrites) {
        return new AccessRules(new AccessProperties(AuthMode.KEYS, "", openReads, solaWrites));
    }

    @Test
    void futureEndpointsFallUnderTheMethodRuleAndTheAdminAreas() {
        AccessRules rules = rules(false, false);
        assertThat(rules.required("POST", "/api/v1/clustering/run", null)).contains(Role.WRITE);
        assertThat(rules.required("GET", "/api/v1/clustering/{id}", null)).contains(Role.READ);
        assertThat(rules.required("PATCH", "/api/v1/whatever", null)).contains(Role.WRITE);
        assertThat(rules.required("DELETE", "/api/v1/clustering/{id}", null)).contains(Role.ADMIN);
        assertThat(rules.required("GET", "/api/v1/schedules", null)).contains(Role.READ);
        assertThat(rules.required("POST", "/api/v1/schedules", null)).contains(Role.ADMIN);
        assertThat(rules.required("PUT", "/api/v1/schedules/{id}", null)).contains(Role.ADMIN);
        assertThat(rules.required("GET", "/api/v1/library/export", null)).contains(Role.ADMIN);
        assertThat(rules.required("POST", "/api/v1/library/import", null)).contains(Role.ADMIN);
        assertThat(rules.required("POST", "/api/v1/models/{name}/download", null)).contains(Role.ADMIN);
        assertThat(rules.required("POST", "/v1/models/{name}/download", null)).contains(Role.ADMIN);
        assertThat(rules.required("GET", "/api/v1/keys/{key_id}", null)).contains(Role.ADMIN);
    }

    @Test
    void requestsNoControllerServesAreOpenOnlyOutsideTheApi() {
        AccessRules rules = rules(false, false);
        assertThat(rules.required("GET", null, "/actuator/health")).isEmpty();
        assertThat(rules.required("GET", null, "/index.html")).isEmpty();
        assertThat(rules.required("GET", null, "/swagger-ui/index.html")).isEmpty();
        assertThat(rules.required("OPTIONS", "/api/v1/playlists", "/api/v1/playlists")).isEmpty();
        assertThat(rules.required("GET", null, "/api/v1/nothing")).contains(Role.READ);
        assertThat(rules.required("POST", null, "/index.html")).contains(Role.WRITE);
        assertThat(rules.required("DELETE", null, "/api/v1/nothing")).contains(Role.ADMIN);
    }

    @Test
    void openReadsOpensReadsOnlyAndSolaWritesOpensItsThreePostsOnly() {
        AccessRules reads = rules(true, false);
        assertThat(reads.required("GET", "/api/v1/playlists", null)).isEmpty();
        assertThat(reads.required("POST", "/api/v1/alchemy", null)).isEmpty();
        assertThat(reads.required("POST", "/api/v1/batch/scan/run", null)).contains(Role.WRITE);
        assertThat(reads.required("GET", "/api/v1/keys", null)).contains(Role.ADMIN);

        AccessRules sola = rules(true, true);
        for (String job : new String[] {"scan", "vacuum", "analyze"}) {
            assertThat(sola.required("POST", "/api/v1/batch/" + job + "/run", null)).isEmpty();
        }
        assertThat(sola.required("POST", "/api/v1/batch/reindex/run", null)).contains(Role.WRITE);
        assertThat(sola.required("POST", "/api/v1/playlists", null)).contains(Role.WRITE);
        assertThat(sola.required("DELETE", "/api/v1/playlists/{id}", null)).contains(Role.ADMIN);

        assertThat(rules(false, true).required("GET", "/api/v1/stats", null)).isEqualTo(Optional.of(Role.READ));
    }
}
