package dev.sonority.api.web;

import dev.sonority.model.RootCause;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import dev.sonority.web.JsonBodyErrors;
import dev.sonority.web.RequestBodyTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns every failure into the error body of its endpoint's {@link ErrorStyle}: 422 for invalid input
 * (FastAPI's shape), 503 when PostgreSQL or RabbitMQ is down, Spring MVC's own statuses (404, 405, 415) with
 * their reason, and 500 for anything unexpected (logged with its stack trace, not sent to the client).
 */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> api(ApiException e, HttpServletRequest request) {
        return ErrorStyle.of(request).render(e.status(), e.detail(), List.of(), request);
    }

    @ExceptionHandler(ValidationException.class)
    ResponseEntity<Object> validation(ValidationException e, HttpServletRequest request) {
        return unprocessable(e.violations(), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String where = e.getParameter().hasParameterAnnotation(PathVariable.class) ? "path" : "query";
        String expected = e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName();
        return unprocessable(List.of(Violation.of("Input should be a valid " + expected.toLowerCase(),
                expected.toLowerCase() + "_parsing", where, e.getName())), request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Object> missing(MissingServletRequestParameterException e, HttpServletRequest request) {
        return unprocessable(List.of(Violation.of("Field required", "missing", "query", e.getParameterName())),
                request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        RequestBodyTooLargeException tooLarge = RequestBodyTooLargeException.in(e);
        if (tooLarge != null) {
            return tooLarge(tooLarge, request);
        }
        // JsonBodyErrors names the field, never the Java type the body was bound to
        return unprocessable(List.of(Violation.of("Invalid JSON body: " + JsonBodyErrors.describe(e), "json_invalid",
                "body")), request);
    }

    @ExceptionHandler(RequestBodyTooLargeException.class)
    ResponseEntity<Object> tooLarge(RequestBodyTooLargeException e, HttpServletRequest request) {
        return ErrorStyle.of(request).render(HttpStatus.CONTENT_TOO_LARGE, e.getMessage(), List.of(), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> other(Exception e, HttpServletRequest request) {
        ErrorStyle style = ErrorStyle.of(request);
        Optional<Dependency> down = Dependency.causeOf(e);
        if (down.isPresent()) {
            log.warn("{} unavailable during {} {}: {}", down.get().displayName(), request.getMethod(),
                    request.getRequestURI(), RootCause.message(e));
            return style.render(HttpStatus.SERVICE_UNAVAILABLE,
                    down.get().displayName() + " unavailable: " + RootCause.message(e), List.of(), request);
        }
        if (RequestBodyTooLargeException.in(e) != null) {
            return tooLarge(RequestBodyTooLargeException.in(e), request);
        }
        if (e instanceof ErrorResponse response) {
            HttpStatus status = HttpStatus.valueOf(response.getStatusCode().value());
            // keeps the headers Spring sets for the status, such as Allow on a 405
            ResponseEntity<Object> rendered = style.render(status, status.getReasonPhrase(), List.of(), request);
            return ResponseEntity.status(status).headers(response.getHeaders()).body(rendered.getBody());
        }
        log.error("Unexpected failure in {} {}", request.getMethod(), request.getRequestURI(), e);
        return style.render(HttpStatus.INTERNAL_SERVER_ERROR, "Internal Server Error", List.of(), request);
    }

    private static ResponseEntity<Object> unprocessable(List<Violation> violations, HttpServletRequest request) {
        return ErrorStyle.of(request).render(HttpStatus.UNPROCESSABLE_CONTENT, violations.getFirst().msg(),
                violations, request);
    }
}
