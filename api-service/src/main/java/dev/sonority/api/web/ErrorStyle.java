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
                    .body(Map.of("detail", violations.isEmpty() ? detail : lainbowList(violations)));
            case PROBLEM -> {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
                problem.setInstance(instance(request));
                if (!violations.isEmpty()) {
                    problem.setProperty("errors", shown(violations));
                    if (violations.size() > MAX_LISTED) {
                        problem.setProperty("more_errors", violations.size() - MAX_LISTED);
                    }
                }
                yield ResponseEntity.status(status).body(problem);
            }
        };
    }

    /** At most this many violations are listed; the rest are counted (a body of 20,000 bad names is one line). */
    static final int MAX_LISTED = 10;

    private static List<Violation> shown(List<Violation> violations) {
        return violations.size() <= MAX_LISTED ? violations : violations.subList(0, MAX_LISTED);
    }

    /** FastAPI's list, cut to {@link #MAX_LISTED} with one more entry that counts the rest. */
    private static List<Violation> lainbowList(List<Violation> violations) {
        if (violations.size() <= MAX_LISTED) {
            return violations;
        }
        List<Violation> listed = new java.util.ArrayList<>(shown(violations));
        listed.add(Violation.of("... and " + (violations.size() - MAX_LISTED) + " more errors", "too_many_errors",
                violations.get(MAX_LISTED).loc().getFirst()));
        return listed;
    }

    /** The request path as a URI reference; characters a URI may not hold raw ({@code [ ] \ space}) escaped. */
    static URI instance(HttpServletRequest request) {
        String path = request.getRequestURI() == null ? "/" : request.getRequestURI();
        StringBuilder safe = new StringBuilder(path.length());
        for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean plain = c > 0x20 && c < 0x7f && "[]\\\"<>^`{|}".indexOf(c) < 0;
            safe.append(plain ? String.valueOf((char) c) : String.format("%%%02X", c));
        }
        try {
            return URI.create(safe.toString());
        } catch (IllegalArgumentException e) {
            return URI.create("/");
        }
    }
}
