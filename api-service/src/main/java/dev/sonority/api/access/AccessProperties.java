package dev.sonority.api.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Access control settings ({@code sonority.access.*}); the environment variables are in api-service's
 * {@code META-INF/sonority/environment-names.properties}.
 *
 * @param mode {@code off} (every request allowed) or {@code keys} (API keys with roles) ({@code AUTH_MODE})
 * @param adminKey a key that is an admin key from the start ({@code SONORITY_ADMIN_KEY}), stored hashed at every
 *     start; blank: none. At least {@value ApiKeys#MIN_BOOTSTRAP_LENGTH} characters
 * @param openReads whether every read (GET and search) is allowed without a key ({@code AUTH_OPEN_READS}): Sola
 *     MPD sends no headers
 * @param solaMpdWrites whether Sola MPD's three job POSTs (scan, vacuum, analyze) are allowed without a key
 *     ({@code AUTH_SOLA_MPD_WRITES})
 */
@ConfigurationProperties("sonority.access")
public record AccessProperties(@DefaultValue("off") AuthMode mode, @DefaultValue("") String adminKey,
        @DefaultValue("false") boolean openReads, @DefaultValue("false") boolean solaMpdWrites) {

    public AccessProperties {
        adminKey = adminKey.strip();
    }

    public boolean keysRequired() {
        return mode == AuthMode.KEYS;
    }
}
