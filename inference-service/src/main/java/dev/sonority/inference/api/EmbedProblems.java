package dev.sonority.inference.api;

import dev.sonority.inference.batching.InferenceFailedException;
import dev.sonority.inference.models.ModelRequestException;
import dev.sonority.inference.spi.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problems of the embed endpoints: 400 bad input or unknown model, 409 not installed (with the install
 * command), 413 body too large, 503 model failed to load (with the reason), 500 for a failed run or an output
 * that is withheld (NaN, all zeros). Spring's own request errors (missing parameter, unreadable JSON, wrong
 * content type) come from the base class.
 */
@RestControllerAdvice(assignableTypes = EmbedController.class)
class EmbedProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(EmbedProblems.class);

    private final InferenceMetrics metrics;

    EmbedProblems(InferenceMetrics metrics) {
        this.metrics = metrics;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e, HttpServletRequest request) {
        count(request, "-", "bad_request");
        return problem(HttpStatus.BAD_REQUEST, "Invalid input", e.getMessage());
    }

    @ExceptionHandler(ModelRequestException.Unknown.class)
    ProblemDetail unknownModel(ModelRequestException.Unknown e, HttpServletRequest request) {
        count(request, "-", "bad_request");
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Unknown model", e.getMessage());
        problem.setProperty("model", e.model());
        return problem;
    }

    @ExceptionHandler(ModelRequestException.NotInstalled.class)
    ProblemDetail notInstalled(ModelRequestException.NotInstalled e, HttpServletRequest request) {
        count(request, e.model(), "not_installed");
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Model not installed",
                "model " + e.model() + " is not installed (" + e.getMessage() + "); install it with "
                        + e.install());
        problem.setProperty("model", e.model());
        problem.setProperty("install", e.install());
        return problem;
    }

    @ExceptionHandler(ModelRequestException.Unavailable.class)
    ProblemDetail unavailable(ModelRequestException.Unavailable e, HttpServletRequest request) {
        count(request, e.model(), "failed");
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "Model failed to load",
                "model " + e.model() + " cannot be used: " + e.getMessage());
        problem.setProperty("model", e.model());
        problem.setProperty("reason", e.getMessage());
        return problem;
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ProblemDetail tooLarge(BodyTooLargeException e, HttpServletRequest request) {
        count(request, "-", "too_large");
        return problem(HttpStatus.CONTENT_TOO_LARGE, "Body too large", e.getMessage());
    }

    /**
     * A run that failed, or a model output that breaks its contract; an {@link IllegalArgumentException} is a
     * model's vector that cannot be normalised (common-contract's zero-vector rule), bad input being an
     * {@link InvalidInputException}.
     */
    @ExceptionHandler({InferenceFailedException.class, IllegalStateException.class, IllegalArgumentException.class})
    ProblemDetail failed(RuntimeException e, HttpServletRequest request) {
        log.error("{} failed: {}", request.getRequestURI(), e.getMessage(), e);
        count(request, "-", "error");
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Inference failed", e.getMessage());
    }

    private void count(HttpServletRequest request, String model, String outcome) {
        String uri = request.getRequestURI();
        metrics.request(uri.endsWith("/text") ? "text" : "audio", model, outcome);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
