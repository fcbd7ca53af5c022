package dev.sonority.launcher;

/**
 * A failure the user can cause and fix (no music folder, a port in use, a service that did not start): the
 * launcher prints its description and the action to take, without a stack trace, and exits non-zero.
 */
public class LauncherException extends RuntimeException {

    private final String action;

    public LauncherException(String description, String action) {
        super(description);
        this.action = action;
    }

    public LauncherException(String description, String action, Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    /** What the user should do about it; may be empty. */
    public String action() {
        return action;
    }
}
