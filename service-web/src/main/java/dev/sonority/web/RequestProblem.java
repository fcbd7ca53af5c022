package dev.sonority.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A request refused at the front door, before any controller ran.
 *
 * @param status the 4xx to answer
 * @param detail what was wrong, in words a client can act on (never an internal type or path)
 * @param parameter the query parameter at fault, or null when the fault is not one parameter's
 * @param headers extra response headers ({@code Allow}, {@code Retry-After}); empty when none
 */
public record RequestProblem(HttpStatus status, String detail, String parameter, HttpHeaders headers) {

    public static RequestProblem of(HttpStatus status, String detail) {
        return new RequestProblem(status, detail, null, HttpHeaders.EMPTY);
    }

    public static RequestProblem ofParameter(HttpStatus status, String detail, String parameter) {
        return new RequestProblem(status, detail, parameter, HttpHeaders.EMPTY);
    }
}
