package dev.sonority.api.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request by the key in {@code Authorization: Bearer KEY} or {@code X-Api-Key: KEY}. A key that
 * is sent but not active answers 401 at once, whatever the endpoint: a client with a wrong key should know, even
 * where no key is needed. Without a header, a web UI session's sign-in holds only while its key is not revoked.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    static final String KEY_HEADER = "X-Api-Key";
    private static final String BEARER = "Bearer ";

    private final ApiKeys keys;
    private final AccessProblems problems;

    ApiKeyFilter(ApiKeys keys, AccessProblems problems) {
        this.keys = keys;
        this.problems = problems;
    }

    /** Whether the request carries a key in a header (such a request needs no CSRF token: a page cannot add one). */
    static boolean sendsKey(HttpServletRequest request) {
        return request.getHeader(KEY_HEADER) != null || request.getHeader(HttpHeaders.AUTHORIZATION) != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (sendsKey(request)) {
            Optional<ApiKeys.StoredKey> key = presented(request).flatMap(keys::find);
            if (key.isEmpty()) {
                problems.unauthorized(request, response);
                return;
            }
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(new KeyAuthentication(key.get().keyId(), key.get().role()));
            SecurityContextHolder.setContext(context);
        } else if (SecurityContextHolder.getContext().getAuthentication() instanceof KeyAuthentication signedIn
                && !keys.isActive(signedIn.keyId())) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        }
        chain.doFilter(request, response);
    }

    /** The key of the headers; empty when they are malformed (two different keys, not Bearer, blank). */
    private static Optional<String> presented(HttpServletRequest request) {
        String header = request.getHeader(KEY_HEADER);
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        String bearer = null;
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                return Optional.empty();
            }
            bearer = authorization.substring(BEARER.length()).strip();
        }
        if (header != null && bearer != null && !header.strip().equals(bearer)) {
            return Optional.empty();
        }
        String key = bearer != null ? bearer : header.strip();
        return key.isEmpty() || key.length() > 512 ? Optional.empty() : Optional.of(key);
    }
}
