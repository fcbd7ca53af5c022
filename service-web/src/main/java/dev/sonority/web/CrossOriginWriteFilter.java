package dev.sonority.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses state-changing requests that a browser sent on behalf of a page from another origin. A "simple"
 * cross-site POST (text/plain, no preflight) would otherwise start jobs: CORS only hides the answer from the page,
 * it does not stop the request. The origin comes from {@code Origin}, or lacking it from {@code Referer}; requests
 * with neither (curl, scripts, Sola MPD's native requests) are not from a page and pass. A page of this server's
 * own origin passes, and so do the origins listed in {@code CORS_ORIGINS}.
 */
public class CrossOriginWriteFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final Set<String> allowedOrigins = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    private final ErrorResponder responder;

    public CrossOriginWriteFilter(Collection<String> corsOrigins, ErrorResponder responder) {
        this.responder = responder;
        corsOrigins.stream().map(CrossOriginWriteFilter::normalise).filter(o -> o != null).forEach(allowedOrigins::add);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE_METHODS.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        String declared = request.getHeader("Origin");
        String referer = request.getHeader("Referer");
        if (declared == null && referer == null) { // not sent by a page
            chain.doFilter(request, response);
            return;
        }
        String origin = normalise(declared != null ? declared : referer);
        if (origin != null && (origin.equalsIgnoreCase(ownOrigin(request)) || allowedOrigins.contains(origin))) {
            chain.doFilter(request, response);
            return;
        }
        String shown = origin == null ? "an opaque origin" : "origin " + LoopbackHostFilter.printable(origin);
        responder.write(request, response, RequestProblem.of(HttpStatus.FORBIDDEN, "A " + request.getMethod()
                + " from a page of " + shown + " is refused: only this server's own pages and the origins listed in"
                + " CORS_ORIGINS may change state from a browser"));
    }

    /** {@code scheme://host[:port]} in lower case, the default port left out; null for "null" or garbage. */
    static String normalise(String origin) {
        if (origin == null) {
            return null;
        }
        try {
            URI uri = new URI(origin.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            return format(uri.getScheme(), uri.getHost(), uri.getPort());
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private static String ownOrigin(HttpServletRequest request) {
        String host = LoopbackHostFilter.hostName(request.getHeader("Host"));
        return host == null ? null : format(request.getScheme(), host, request.getServerPort());
    }

    private static String format(String scheme, String host, int port) {
        String s = scheme.toLowerCase(Locale.ROOT);
        boolean defaultPort = port < 0 || ("http".equals(s) && port == 80) || ("https".equals(s) && port == 443);
        return s + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
