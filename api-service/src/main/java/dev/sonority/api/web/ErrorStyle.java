package dev.sonority.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * How an error is written: Lainbow's {@code {"detail": "..."}} / {@code {"detail": [violations]}} for
 * controllers marked {@link LainbowApi} and for requests that matched no endpoint (FastAPI answers those
 * {@code {"detail":"Not Found"}}), RFC 9457 problem details for Sonority's own endpoints.
 */
public enum ErrorStyle {
    LAINBOW, PROBLEM;

    private static final String DECLARED = ErrorStyle.class.getName() + ".declared";

    /**
     * For a handler that serves routes of both kinds (a catch-all path whose tail decides the resource):
     * the style of this request, which wins over the controller's.
     */
    public static void declare(HttpServletRequest request, ErrorStyle style) {
        request.setAttribute(DECLARED, style);
    }

    /** The style of the endpoint that handled (or failed to handle) this request. */
    public static ErrorStyle of(HttpServletRequest request) {
        if (request.getAttribute(DECLARED) instanceof ErrorStyle declared) {
            return declared;
        }
        Object handler = request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
        if (handler instanceof HandlerMethod method
                && !AnnotatedElementUtils.hasAnnotation(method.getBeanType(), LainbowApi.class)) {
            return PROBLEM;
        }
        return LAINBOW;
    }

    public ResponseEntity<Object> render(HttpStatus status, String detail, List<Violation> violations,
            HttpServletRequest request) {
        return switch (this) {
            case LAINBOW -> ResponseEntity.status(status)
                    .body(Map.of("detail", violations.isEmpty() ? detail : violations));
            case PROBLEM -> {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
                problem.setInstance(URI.create(request.getRequestURI().replace(" ", "%20")));
                if (!violations.isEmpty()) {
                    problem.setProperty("errors", violations);
                }
                yield ResponseEntity.status(status).body(problem);
            }
        };
    }
}
