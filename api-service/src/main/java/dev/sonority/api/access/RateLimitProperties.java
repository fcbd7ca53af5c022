package dev.sonority.api.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Request rate limits of the expensive endpoints ({@code sonority.rate-limit.*}), per API key or, without one, per
 * client address. The defaults let a person and Sola MPD (a request per click) work unhindered and stop a loop
 * that fires searches as fast as it can.
 *
 * @param perMinute requests per minute each client may make to the expensive endpoints together, refilled
 *     continuously ({@code RATE_LIMIT_PER_MINUTE}); 0 turns the limits off
 * @param burst how many such requests a client may make at once before the rate applies ({@code RATE_LIMIT_BURST})
 */
@ConfigurationProperties("sonority.rate-limit")
public record RateLimitProperties(@DefaultValue("600") int perMinute, @DefaultValue("60") int burst) {

    public RateLimitProperties {
        if (perMinute < 0 || burst < 0 || (perMinute > 0 && burst == 0)) {
            throw new IllegalArgumentException("RATE_LIMIT_PER_MINUTE must be 0 (off) or more and RATE_LIMIT_BURST at"
                    + " least 1, got " + perMinute + " and " + burst);
        }
    }
}
