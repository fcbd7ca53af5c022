package dev.sonority.worker.map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the library map ({@code sonority.worker.map.*}).
 *
 * @param refreshFraction when the number of songs with a model's search vector differs from the number in its
 *     stored map by more than this fraction, the end of an analyze task starts a MAP task for that model
 *     (MAP_REFRESH_FRACTION, default 0.1)
 */
@ConfigurationProperties("sonority.worker.map")
public record MapProperties(@DefaultValue("0.1") double refreshFraction) {

    public MapProperties {
        if (!(refreshFraction > 0) || !Double.isFinite(refreshFraction)) {
            throw new IllegalArgumentException("MAP_REFRESH_FRACTION must be a number > 0, got " + refreshFraction);
        }
    }
}
