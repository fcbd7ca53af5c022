package dev.sonority.api.web;

import dev.sonority.web.ErrorResponder;
import dev.sonority.web.ProblemJsonResponder;
import dev.sonority.web.RequestProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Front-door refusals (bad query strings, a foreign Host or Origin, oversized bodies, Tomcat's own rejects) in the
 * API's error shape: the endpoint the request was for is looked up first, so a Lainbow route answers
 * {@code {"detail": ...}} and Sonority's own routes answer problem details, exactly as their controllers would.
 */
public class ApiErrorResponder implements ErrorResponder {

    private final ObjectProvider<? extends HandlerMapping> endpoints;
    private final ObjectProvider<JsonMapper> json;

    /** Both looked up at the first refusal: the filters that use this are created before Spring MVC is. */
    public ApiErrorResponder(ObjectProvider<? extends HandlerMapping> endpoints, ObjectProvider<JsonMapper> json) {
        this.endpoints = endpoints;
        this.json = json;
    }

    @Override
    public void write(HttpServletRequest request, HttpServletResponse response, RequestProblem problem)
            throws IOException {
        findEndpoint(request);
        List<Violation> violations = problem.parameter() == null ? List.of()
                : List.of(Violation.of(problem.detail(), "value_error", "query", problem.parameter()));
        ResponseEntity<Object> entity = ErrorStyle.of(request).render(problem.status(), problem.detail(),
                violations, request);
        boolean isProblem = entity.getBody() instanceof ProblemDetail;
        Object body = entity.getBody() instanceof ProblemDetail detail ? asMap(detail) : entity.getBody();
        ProblemJsonResponder.writeJson(response, problem,
                isProblem ? MediaType.APPLICATION_PROBLEM_JSON_VALUE : MediaType.APPLICATION_JSON_VALUE,
                json.getObject().writeValueAsBytes(body));
    }

    /** Lets {@link ErrorStyle#of} see the endpoint; a request too broken to match any leaves the default style. */
    private void findEndpoint(HttpServletRequest request) {
        try {
            if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
                ServletRequestPathUtils.parseAndCache(request);
            }
            endpoints.getObject().getHandler(request);
        } catch (Exception | LinkageError e) {
            request.removeAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
        }
    }

    private static Map<String, Object> asMap(ProblemDetail detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (detail.getType() != null) {
            body.put("type", detail.getType().toString());
        }
        body.put("title", detail.getTitle());
        body.put("status", detail.getStatus());
        body.put("detail", detail.getDetail());
        if (detail.getInstance() != null) {
            body.put("instance", detail.getInstance().toString());
        }
        if (detail.getProperties() != null) {
            body.putAll(detail.getProperties());
        }
        return body;
    }
}
