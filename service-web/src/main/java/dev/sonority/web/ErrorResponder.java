package dev.sonority.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Writes a {@link RequestProblem} in the error shape of the service it runs in. The default writes RFC 9457
 * problem details; api-service supplies its own so Lainbow's endpoints keep FastAPI's {@code {"detail": ...}}.
 */
@FunctionalInterface
public interface ErrorResponder {

    void write(HttpServletRequest request, HttpServletResponse response, RequestProblem problem) throws IOException;
}
