package dev.sonority.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.api.support.ApiIntegrationTest;
import dev.sonority.api.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A tight limit (a burst of 3, then 1 a minute) on a context of its own, AUTH_MODE=off: the expensive endpoints
 * share one bucket per address, the fourth search is 429 with Retry-After and a problem body, and the cheap
 * endpoints are never counted.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(properties = {"sonority.rate-limit.per-minute=1", "sonority.rate-limit.burst=3",
        "spring.datasource.hikari.maximum-pool-size=3"})
class RateLimitIT extends ApiIntegrationTest {

    @Test
    void theFourthExpensiveRequestIs429WithRetryAfter() {
        Caller caller = new Caller(port);
        for (int i = 0; i < 20; i++) {
            assertThat(caller.get("/api/v1/stats").status()).isEqualTo(200);
        }
        assertThat(caller.get("/api/v1/search?q=piano").status()).isNotEqualTo(429);
        assertThat(caller.get("/api/v1/similar?song=A%2FOne.flac").status()).isNotEqualTo(429);
        assertThat(caller.send("POST", "/api/v1/alchemy", "{}").status()).isNotEqualTo(429);

        Http.Response limited = caller.get("/api/v1/songs/A%2FOne.flac/similar");
        assertThat(limited.status()).isEqualTo(429);
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        // one token a minute: the next one is at most 60 s away
        assertThat(retryAfter).isBetween(1L, 60L);
        Http.Response problem = caller.get("/api/v1/path?start=a&end=b");
        assertThat(problem.status()).isEqualTo(429);
        assertThat(problem.contentType()).startsWith("application/problem+json");
        assertThat(problem.json().get("status").asInt()).isEqualTo(429);
        assertThat(problem.json().get("detail").asString()).contains("retry in");
        // Lainbow's search answers in its own shape, {"detail": ...}
        Http.Response lainbow = caller.get("/api/v1/songs/search?q=piano");
        assertThat(lainbow.status()).isEqualTo(429);
        assertThat(lainbow.json().get("detail").asString()).contains("Too many");
        assertThat(caller.get("/api/v1/stats").status()).isEqualTo(200);
    }
}
