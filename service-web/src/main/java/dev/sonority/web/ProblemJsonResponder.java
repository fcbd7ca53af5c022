package dev.sonority.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/** The default {@link ErrorResponder}: {@code application/problem+json} as RFC 9457 describes it. */
public final class ProblemJsonResponder implements ErrorResponder {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public void write(HttpServletRequest request, HttpServletResponse response, RequestProblem problem)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", problem.status().getReasonPhrase());
        body.put("status", problem.status().value());
        body.put("detail", problem.detail());
        if (problem.parameter() != null) {
            body.put("parameter", problem.parameter());
        }
        writeJson(response, problem, MediaType.APPLICATION_PROBLEM_JSON_VALUE, JSON.writeValueAsBytes(body));
    }

    /** Status, the problem's headers and a JSON body, replacing whatever the response held. */
    public static void writeJson(HttpServletResponse response, RequestProblem problem, String contentType,
            byte[] body) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(problem.status().value());
        problem.headers().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setContentType(contentType);
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
