package dev.sonority.api.access;

import dev.sonority.web.ErrorResponder;
import dev.sonority.web.RequestProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * 401 and 403 in the error shape of the endpoint asked for (the front door's {@link ErrorResponder}). A 401 reads
 * the same whether the key was missing, malformed, unknown or revoked: it tells a guesser nothing.
 */
final class AccessProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String UNAUTHORIZED = "A valid API key is required: send it as 'Authorization: Bearer KEY' or"
            + " 'X-Api-Key: KEY', or sign in with POST /api/v1/session";

    private final ErrorResponder responder;

    AccessProblems(ErrorResponder responder) {
        this.responder = responder;
    }

    /** Sends the one 401 answer. */
    void unauthorized(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        responder.write(request, response, new RequestProblem(HttpStatus.UNAUTHORIZED, UNAUTHORIZED, null, headers));
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        unauthorized(request, response);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        String detail;
        if (e instanceof CsrfException) {
            detail = "A write from a signed-in browser needs its CSRF token: send the value of the XSRF-TOKEN cookie"
                    + " in the X-XSRF-TOKEN header (API keys sent in a header need none)";
        } else if (SecurityContextHolder.getContext().getAuthentication() instanceof KeyAuthentication key) {
            detail = "This key's role (" + key.role().apiName() + ") may not do this: " + request.getMethod()
                    + " here needs a key of a higher role (read < write < admin)";
        } else {
            unauthorized(request, response);
            return;
        }
        responder.write(request, response, RequestProblem.of(HttpStatus.FORBIDDEN, detail));
    }
}
