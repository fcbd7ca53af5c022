package dev.sonority.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /error} is where the container forwards failures; asked for directly it is no resource (Spring Boot's
 * controller answered 500 with {@code "status": 999}), so a direct request gets 404. Error dispatches pass.
 */
public class ErrorPathFilter extends OncePerRequestFilter {

    private final String errorPath;
    private final ErrorResponder responder;

    public ErrorPathFilter(String errorPath, ErrorResponder responder) {
        this.errorPath = errorPath;
        this.responder = responder;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = RequestPaths.collapsed(request.getRequestURI());
        if (path.equals(errorPath) || path.startsWith(errorPath + "/")) {
            responder.write(request, response, RequestProblem.of(HttpStatus.NOT_FOUND, "Not Found"));
            return;
        }
        chain.doFilter(request, response);
    }
}
