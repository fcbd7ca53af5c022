package dev.sonority.api.search;

import dev.sonority.api.web.ErrorStyle;
import dev.sonority.model.vector.store.VectorStoreUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Search failures in the style of the endpoint: an index still loading or a vector store that cannot be
 * reached is 503 with {@code Retry-After} (never an empty list that looks like an answer); inference-service
 * down is 503 naming it; no model able to answer a text query is 404 saying what to do. Ordered before the
 * general handler, whose {@code Exception} catch-all would answer 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SearchExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(SearchExceptionHandler.class);

    private final SearchProperties properties;

    SearchExceptionHandler(SearchProperties properties) {
        this.properties = properties;
    }

    @ExceptionHandler(VectorStoreUnavailableException.class)
    ResponseEntity<Object> storeUnavailable(VectorStoreUnavailableException e, HttpServletRequest request) {
        return retryLater(e.getMessage(), request);
    }

    @ExceptionHandler(InferenceUnavailableException.class)
    ResponseEntity<Object> inferenceUnavailable(InferenceUnavailableException e, HttpServletRequest request) {
        log.warn("{} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        return retryLater(e.getMessage(), request);
    }

    @ExceptionHandler(TextSongs.NoTextModelException.class)
    ResponseEntity<Object> noTextModel(TextSongs.NoTextModelException e, HttpServletRequest request) {
        return ErrorStyle.of(request).render(HttpStatus.NOT_FOUND, e.getMessage(), List.of(), request);
    }

    private ResponseEntity<Object> retryLater(String detail, HttpServletRequest request) {
        ResponseEntity<Object> rendered = ErrorStyle.of(request).render(HttpStatus.SERVICE_UNAVAILABLE, detail,
                List.of(), request);
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(rendered.getHeaders());
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, properties.retryAfter().toSeconds())));
        return new ResponseEntity<>(rendered.getBody(), headers, rendered.getStatusCode());
    }
}
