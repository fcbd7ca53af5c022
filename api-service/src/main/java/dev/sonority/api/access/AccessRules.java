package dev.sonority.api.access;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which role an endpoint needs, from its HTTP method and the route pattern that Spring MVC matched for it
 * (never the raw path, so no spelling of a path can reach an endpoint under another rule). Unknown future
 * endpoints fall under the method rule: GET reads, POST/PUT/PATCH write, DELETE is admin's; only the admin
 * areas and the read-only POSTs are named.
 */
public final class AccessRules {

    /** POSTs that only read: a search whose request does not fit a query string. */
    static final Set<String> READ_POSTS = Set.of("/api/v1/alchemy");

    /** The job POSTs that Sola MPD sends without headers (AUTH_SOLA_MPD_WRITES). */
    static final Set<String> SOLA_MPD_WRITES =
            Set.of("/api/v1/batch/scan/run", "/api/v1/batch/vacuum/run", "/api/v1/batch/analyze/run");

    /**
     * Open to everyone: the liveness answer, sign-in/out (which takes the key in its body), and the error page
     * (service-web's ErrorPathFilter answers a direct request for it).
     */
    static final Set<String> PUBLIC = Set.of("/health", "/api/v1/session", "/error");

    private static final Pattern ADMIN_ANY_METHOD =
            Pattern.compile("^/api/v1/(keys|library/export|library/import)(/.*)?$|^(/api)?/v1/models/[^/]+/download$");
    private static final Pattern ADMIN_WRITES = Pattern.compile("^/api/v1/schedules(/.*)?$");

    private final AccessProperties properties;

    public AccessRules(AccessProperties properties) {
        this.properties = properties;
    }

    /**
     * The role a request needs, or empty when it is open to anyone.
     *
     * @param pattern the matched API route, or null when no API controller serves the request
     * @param path the request path within the application (used only when {@code pattern} is null)
     */
    public Optional<Role> required(String method, String pattern, String path) {
        if ("OPTIONS".equals(method)) {
            return Optional.empty(); // CORS preflights carry no credentials; CorsRules answers them
        }
        Optional<Role> needed = pattern == null ? unmatched(method, path) : endpoint(method, pattern);
        if (needed.isEmpty()) {
            return needed;
        }
        if (properties.openReads() && needed.get() == Role.READ) {
            return Optional.empty();
        }
        if (properties.solaMpdWrites() && "POST".equals(method) && SOLA_MPD_WRITES.contains(pattern)) {
            return Optional.empty();
        }
        return needed;
    }

    /** The rule of a route before the AUTH_OPEN_READS / AUTH_SOLA_MPD_WRITES switches (what the role table tests). */
    public static Optional<Role> endpoint(String method, String pattern) {
        if (PUBLIC.contains(pattern)) {
            return Optional.empty();
        }
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        if ("DELETE".equals(method) || ADMIN_ANY_METHOD.matcher(pattern).matches()
                || (!read && ADMIN_WRITES.matcher(pattern).matches())) {
            return Optional.of(Role.ADMIN);
        }
        return Optional.of(read || READ_POSTS.contains(pattern) ? Role.READ : Role.WRITE);
    }

    /**
     * Requests no API controller serves: actuator (guarded by the front door's local-caller rule and
     * METRICS_OPEN), the error page, and static files of the web UI, which hold no library data and must load
     * before anyone can sign in. Anything else under /api is a 404 to be, answered only to a key holder.
     */
    private static Optional<Role> unmatched(String method, String path) {
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        if (path.equals("/actuator") || path.startsWith("/actuator/") || path.equals("/error")
                || (read && !path.startsWith("/api/") && !path.startsWith("/v1/"))) {
            return Optional.empty();
        }
        return endpoint(method, path);
    }
}
