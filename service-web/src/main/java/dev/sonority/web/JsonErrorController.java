package dev.sonority.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Where the container forwards every failure no controller advice answered (Spring MVC's own 405/415/400, an
 * exception thrown in a filter): the service's error shape instead of Spring Boot's
 * {@code {"timestamp", "status", "error", "path"}}. A 5xx says only "Internal Server Error"; the cause is logged
 * where it was thrown, never sent.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
public class JsonErrorController implements ErrorController {

    private final ErrorAttributes errors;
    private final ErrorResponder responder;

    public JsonErrorController(ErrorAttributes errors, ErrorResponder responder) {
        this.errors = errors;
        this.responder = responder;
    }

    @RequestMapping
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        Throwable error = errors.getError(new ServletWebRequest(request));
        if (status.is4xxClientError() && error instanceof MethodArgumentTypeMismatchException mismatch) {
            String expected = mismatch.getRequiredType() == null ? "value"
                    : mismatch.getRequiredType().getSimpleName().toLowerCase(java.util.Locale.ROOT);
            responder.write(request, response, RequestProblem.ofParameter(status,
                    "Parameter '" + mismatch.getName() + "' must be a valid " + expected, mismatch.getName()));
            return;
        }
        responder.write(request, response, RequestProblem.of(status, status.getReasonPhrase()));
    }
}
