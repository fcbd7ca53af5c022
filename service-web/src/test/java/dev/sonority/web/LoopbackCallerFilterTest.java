package dev.sonority.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Callers on another machine see no health details and no metrics; callers on this one see both. */
class LoopbackCallerFilterTest {

    @Test
    void loopbackCallersAreAuthorisedOthersAreNot() throws Exception {
        assertThat(principalSeenBy("127.0.0.1", "/actuator/health")).isTrue();
        assertThat(principalSeenBy("::1", "/actuator/health")).isTrue();
        assertThat(principalSeenBy("192.168.1.20", "/actuator/health")).isFalse();
    }

    @Test
    void metricsAnswerOnlyLocalCallersUnlessOpened() throws Exception {
        assertThat(status(false, "192.168.1.20", "/actuator/prometheus")).isEqualTo(403);
        assertThat(status(false, "192.168.1.20", "/actuator/metrics/jvm.memory.used")).isEqualTo(403);
        assertThat(status(false, "192.168.1.20", "/actuator/health/readiness")).isEqualTo(200);
        assertThat(status(false, "127.0.0.1", "/actuator/prometheus")).isEqualTo(200);
        assertThat(status(true, "192.168.1.20", "/actuator/prometheus")).isEqualTo(200);
    }

    private static boolean principalSeenBy(String remote, String path) throws Exception {
        AtomicReference<HttpServletRequest> seen = new AtomicReference<>();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRemoteAddr(remote);
        new LoopbackCallerFilter(false, new ProblemJsonResponder()).doFilter(request, new MockHttpServletResponse(),
                (req, res) -> seen.set((HttpServletRequest) req));
        return seen.get().getUserPrincipal() != null;
    }

    private static int status(boolean open, String remote, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRemoteAddr(remote);
        MockHttpServletResponse response = new MockHttpServletResponse();
        new LoopbackCallerFilter(open, new ProblemJsonResponder()).doFilter(request, response, (req, res) -> { });
        return response.getStatus();
    }
}
