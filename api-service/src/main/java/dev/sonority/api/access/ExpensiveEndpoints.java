package dev.sonority.api.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;

/**
 * The endpoints that cost real work per request (a vector search, a model inference, a path or blend over the
 * index, an instant playlist, a clip upload): the ones that are rate limited. Matched on the decoded servlet
 * path, so an encoded spelling counts the same.
 */
final class ExpensiveEndpoints {

    private static final Pattern PATHS = Pattern.compile("^/api/v1/(similar|similar/audio|search|songs/search|path"
            + "|alchemy|playlists/instant|artists/[^/]+/similar|songs/.+/similar)/?$");

    private ExpensiveEndpoints() {
    }

    static boolean matches(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return PATHS.matcher(path).matches();
    }
}
