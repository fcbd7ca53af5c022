package dev.sonority.inference.spi;

/**
 * The request's input cannot be processed by this model (too short, too many texts, ...): HTTP 400 with this
 * message as the problem's {@code detail}, so say exactly what was wrong and what is needed.
 */
public class InvalidInputException extends RuntimeException {

    public InvalidInputException(String message) {
        super(message);
    }
}
