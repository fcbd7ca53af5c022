package dev.sonority.api.mpd;

import java.util.Locale;
import java.util.Optional;

/** What happens to MPD's play queue after a playlist is saved: {@code append} it, or {@code replace} the queue. */
public enum QueueMode {
    APPEND, REPLACE;

    /** The mode a query value names ({@code append}, {@code replace}, any case), or empty for another value. */
    public static Optional<QueueMode> parse(String value) {
        for (QueueMode mode : values()) {
            if (mode.name().equalsIgnoreCase(value.strip())) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
