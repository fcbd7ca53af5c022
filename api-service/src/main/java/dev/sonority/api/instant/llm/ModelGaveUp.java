package dev.sonority.api.instant.llm;

/** The model cannot give this answer (off, unreachable, slow, or calling tools wrongly); says why, for a person. */
public class ModelGaveUp extends RuntimeException {

    ModelGaveUp(String reason) {
        super(reason);
    }

    ModelGaveUp(String reason, Throwable cause) {
        super(reason, cause);
    }
}
