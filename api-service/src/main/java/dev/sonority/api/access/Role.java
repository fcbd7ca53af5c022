package dev.sonority.api.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** What a key may do; each role includes the ones before it (an admin key also writes and reads). */
public enum Role {
    /** Every GET and the searches (GET or a read-only POST such as alchemy). */
    READ,
    /** Also jobs (scan, analyze, vacuum, reindex, cancel), playlists and their MPD export, instant playlists, clip uploads. */
    WRITE,
    /** Also API keys, schedules, model downloads, library export and import, and every DELETE. */
    ADMIN;

    /** The name in the API and the database: {@code read}, {@code write}, {@code admin}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> named(String name) {
        return Arrays.stream(values()).filter(r -> r.apiName().equals(name)).findFirst();
    }

    public boolean covers(Role needed) {
        return compareTo(needed) >= 0;
    }

    GrantedAuthority authority() {
        return new SimpleGrantedAuthority("ROLE_" + name());
    }
}
