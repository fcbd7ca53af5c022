package dev.sonority.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may see the service's insides. Callers on this machine (a loopback peer) are marked as authorised, which is
 * what {@code show-details: when-authorized} asks for, so they see health details (disk path, broker version);
 * anyone else sees statuses only. {@code /actuator} endpoints other than health and info (metrics, Prometheus)
 * answer only callers on this machine unless {@code METRICS_OPEN=true}.
 */
public class LoopbackCallerFilter extends OncePerRequestFilter {

    private static final Principal LOCAL = () -> "local-caller";

    private final boolean metricsOpen;
    private final ErrorResponder responder;

    public LoopbackCallerFilter(boolean metricsOpen, ErrorResponder responder) {
        this.metricsOpen = metricsOpen;
        this.responder = responder;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isLoopback(request.getRemoteAddr())) {
            chain.doFilter(new LocalCaller(request), response);
            return;
        }
        if (!metricsOpen && isRestrictedActuator(request.getRequestURI())) {
            responder.write(request, response, RequestProblem.of(HttpStatus.FORBIDDEN,
                    "Metrics answer callers on this machine only; set METRICS_OPEN=true to let a scraper elsewhere"
                            + " read them"));
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isRestrictedActuator(String uri) {
        String path = RequestPaths.collapsed(uri);
        if (!path.startsWith("/actuator")) {
            return false;
        }
        String rest = path.substring("/actuator".length());
        return !(rest.isEmpty() || rest.equals("/") || rest.startsWith("/health") || rest.equals("/info"));
    }

    static boolean isLoopback(String address) {
        if (address == null) {
            return false;
        }
        try {
            // a literal address: no name lookup happens
            return InetAddress.ofLiteral(address).isLoopbackAddress();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static final class LocalCaller extends HttpServletRequestWrapper {
        LocalCaller(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Principal getUserPrincipal() {
            Principal own = super.getUserPrincipal();
            return own != null ? own : LOCAL;
        }
    }
}
