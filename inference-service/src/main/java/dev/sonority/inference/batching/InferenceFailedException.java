package dev.sonority.inference.batching;

/** A graph run failed for a reason other than bad input (the batch's own failure is the cause). */
public class InferenceFailedException extends RuntimeException {

    public InferenceFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
