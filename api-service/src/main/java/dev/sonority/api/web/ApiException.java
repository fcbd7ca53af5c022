package dev.sonority.api.web;

import org.springframework.http.HttpStatus;

/** A request that ends with a status and a human-readable detail; rendered in the style of its endpoint. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;

    public ApiException(HttpStatus status, String detail) {
        super(detail);
        this.status = status;
    }

    public ApiException(HttpStatus status, String detail, Throwable cause) {
        super(detail, cause);
        this.status = status;
    }

    public static ApiException notFound(String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(HttpStatus.CONFLICT, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String detail() {
        return getMessage();
    }
}
