package dev.sonority.api.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The requests that need a CSRF token: state-changing requests that a browser could have sent with the web UI's
 * session cookie. A request with a key in a header is not one (a page of another site cannot set that header),
 * nor one without a session cookie (it is not signed in, so the cookie gives it nothing), nor the sign-in itself
 * (it carries its key in the body).
 */
final class CookieWrites implements RequestMatcher {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    public boolean matches(HttpServletRequest request) {
        return !SAFE.contains(request.getMethod()) && !ApiKeyFilter.sendsKey(request)
                && request.getRequestedSessionId() != null
                && !("POST".equals(request.getMethod()) && SessionController.PATH.equals(request.getServletPath()));
    }
}
