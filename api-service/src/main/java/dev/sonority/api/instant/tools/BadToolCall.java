package dev.sonority.api.instant.tools;

/** A tool call that cannot run as asked: an unknown tool, arguments that are not JSON, or a bad value. */
public class BadToolCall extends RuntimeException {

    public BadToolCall(String message) {
        super(message);
    }
}
