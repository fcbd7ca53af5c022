package dev.sonority.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.web.ProblemJsonResponder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;

/** Whose bucket a request takes: its key's when it has one, else its address's; each key and address its own. */
class RateLimitFilterTest {

    private final RateLimitFilter filter = new RateLimitFilter(new RateLimitProperties(1, 2), new ProblemJsonResponder());

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void eachKeyAndEachKeylessAddressHasItsOwnBucket() throws Exception {
        // a burst of 2: the third search of one client is refused, another client is not affected
        assertThat(statuses(null, "10.0.0.1", 3)).containsExactly(200, 200, 429);
        assertThat(statuses(null, "10.0.0.2", 1)).containsExactly(200);
        assertThat(statuses("k1", "10.0.0.1", 3)).as("a key is counted apart from its address").containsExactly(200, 200, 429);
        assertThat(statuses("k2", "10.0.0.1", 2)).as("two keys from one address").containsExactly(200, 200);
    }

    @Test
    void cheapEndpointsAreNeverCounted() throws Exception {
        for (int i = 0; i < 10; i++) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            filter.doFilter(request("/api/v1/stats", "10.0.0.3"), response, new MockFilterChain());
            assertThat(response.getStatus()).isEqualTo(200);
        }
    }

    @Test
    void theRefusalSaysWhenToComeBack() throws Exception {
        statuses(null, "10.0.0.4", 2);
        MockHttpServletResponse refused = new MockHttpServletResponse();
        filter.doFilter(request("/api/v1/songs/A%2FB.flac/similar", "10.0.0.4"), refused, new MockFilterChain());
        assertThat(refused.getStatus()).isEqualTo(429);
        // 1 a minute: the next token is at most 60 s away, and at least 1 s (a whole number of seconds)
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 60L);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
    }

    private int[] statuses(String keyId, String address, int requests) throws Exception {
        if (keyId != null) {
            SecurityContextHolder.getContext().setAuthentication(new KeyAuthentication(keyId, Role.READ));
        } else {
            SecurityContextHolder.clearContext();
        }
        int[] statuses = new int[requests];
        for (int i = 0; i < requests; i++) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            filter.doFilter(request("/api/v1/search", address), response, new MockFilterChain());
            statuses[i] = response.getStatus();
        }
        return statuses;
    }

    private static MockHttpServletRequest request(String path, String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setServletPath(path);
        request.setRemoteAddr(address);
        return request;
    }
}
