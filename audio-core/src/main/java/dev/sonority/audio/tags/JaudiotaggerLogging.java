package dev.sonority.audio.tags;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * jaudiotagger logs every chunk it reads at INFO and its own writes at SEVERE through java.util.logging; a library
 * scan would drown the logs. The logger is held in a static field because JUL keeps loggers only weakly: a level
 * set on a collected logger is lost.
 */
public final class JaudiotaggerLogging {

    private static final Logger LOGGER = Logger.getLogger("org.jaudiotagger");

    static {
        LOGGER.setLevel(Level.OFF);
    }

    private JaudiotaggerLogging() {}

    /** Turns jaudiotagger's logging off (idempotent; the work happens once, when this class loads). */
    public static void silence() {
        // class initialisation did it
    }
}
