package dev.sonority.api.access;

import dev.sonority.web.ErrorResponder;
import dev.sonority.web.RequestProblem;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One token bucket (Bucket4j) per client over all {@link ExpensiveEndpoints}: the API key's id when the request
 * was authenticated by one, else the client address. An empty bucket answers 429 with {@code Retry-After} (whole
 * seconds until a token is back) before any work is done. Runs after Spring Security, so it knows the key.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    /** Clients remembered at most; the least recently seen is forgotten first (it starts with a full bucket). */
    static final int MAX_CLIENTS = 10_000;

    private final RateLimitProperties properties;
    private final ErrorResponder responder;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    RateLimitFilter(RateLimitProperties properties, ErrorResponder responder) {
        this.properties = properties;
        this.responder = responder;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (properties.perMinute() == 0 || !ExpensiveEndpoints.matches(request)) {
            chain.doFilter(request, response);
            return;
        }
        ConsumptionProbe probe = bucket(client(request)).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        responder.write(request, response, new RequestProblem(HttpStatus.TOO_MANY_REQUESTS, "Too many searches: at"
                + " most " + properties.perMinute() + " a minute (bursts of " + properties.burst() + ") per key or"
                + " address reach the expensive endpoints; retry in " + seconds + " s", null, headers));
    }

    private static String client(HttpServletRequest request) {
        return SecurityContextHolder.getContext().getAuthentication() instanceof KeyAuthentication key
                ? "key " + key.keyId() : "address " + request.getRemoteAddr();
    }

    private Bucket bucket(String client) {
        synchronized (buckets) {
            return buckets.computeIfAbsent(client, c -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(properties.burst())
                            .refillGreedy(properties.perMinute(), Duration.ofMinutes(1)).build())
                    .build());
        }
    }
}
