package dev.sonority.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the service is bound to loopback, answers only requests addressed to this machine by name: a page on
 * another site that re-points its own name at 127.0.0.1 (DNS rebinding) reaches the port but sends its own name
 * as Host, and is refused with 403. Names listed in {@code ALLOWED_HOSTS} (a reverse proxy's) are accepted too.
 */
public class LoopbackHostFilter extends OncePerRequestFilter {

    private final Set<String> allowed = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    private final ErrorResponder responder;

    public LoopbackHostFilter(String boundAddress, Collection<String> allowedHosts, ErrorResponder responder) {
        this.responder = responder;
        allowed.addAll(Set.of("localhost", "127.0.0.1", "::1", "[::1]"));
        allowed.add(boundAddress);
        allowedHosts.stream().map(String::strip).filter(h -> !h.isEmpty()).forEach(allowed::add);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String host = hostName(request.getHeader("Host"));
        if (host == null || allowed.contains(host) || host.toLowerCase(Locale.ROOT).endsWith(".localhost")) {
            chain.doFilter(request, response);
            return;
        }
        responder.write(request, response, RequestProblem.of(HttpStatus.FORBIDDEN, "Host '" + printable(host)
                + "' is not a name of this server, which listens on loopback only; to reach it by this name, add"
                + " it to ALLOWED_HOSTS"));
    }

    /** The name part of a Host header ({@code [::1]:8000} gives {@code [::1]}); null when there is none. */
    static String hostName(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end < 0 ? value : value.substring(0, end + 1);
        }
        int colon = value.lastIndexOf(':');
        return colon < 0 ? value : value.substring(0, colon);
    }

    /** A header value fit to quote back: control characters dropped, at most 100 characters. */
    static String printable(String value) {
        String clean = value.replaceAll("\\p{Cntrl}", "");
        return clean.length() > 100 ? clean.substring(0, 100) + "…" : clean;
    }
}
