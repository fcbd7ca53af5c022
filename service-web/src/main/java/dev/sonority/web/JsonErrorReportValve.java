package dev.sonority.web;

import jakarta.servlet.RequestDispatcher;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Replaces Tomcat's HTML error page for the requests Tomcat refuses before any servlet runs (invalid UTF-8 or
 * {@code %00} in the path, a raw {@code \}, headers over the size limit) with the service's JSON error shape.
 * Tomcat reports an oversized request line or header block as 400; this says 414 or 431, as RFC 9110/6585 do.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    private final ErrorResponder responder;

    public JsonErrorReportValve(ErrorResponder responder) {
        this.responder = responder;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        Throwable cause = throwable != null ? throwable
                : (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        try {
            response.setSuspended(false);
            responder.write(request, response, problem(status, cause, request));
        } catch (IOException | RuntimeException e) {
            container.getLogger().debug("could not write the JSON error body", e);
        }
    }

    static RequestProblem problem(int status, Throwable cause, Request request) {
        String message = cause == null || cause.getMessage() == null ? "" : cause.getMessage();
        if (status == 400 && message.contains("too large")) {
            boolean lineParsed = request.getCoyoteRequest().method().toString() != null
                    && !request.getCoyoteRequest().requestURI().isNull();
            return lineParsed
                    ? RequestProblem.of(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                            "The request headers are larger than the server accepts")
                    : RequestProblem.of(HttpStatus.URI_TOO_LONG, "The request line is longer than the server accepts");
        }
        HttpStatus known = HttpStatus.resolve(status);
        HttpStatus shown = known == null ? HttpStatus.BAD_REQUEST : known;
        String detail = status == 400
                ? "The request is malformed: its path or query must be percent-encoded UTF-8 without %00 or raw"
                        + " '\\' characters"
                : shown.getReasonPhrase();
        return RequestProblem.of(shown, detail);
    }
}
