package dev.sonority.web;

import java.util.regex.Pattern;

/** Request paths as the services match them: runs of {@code /} count as one ({@code //api/v1/...}). */
public final class RequestPaths {

    private static final Pattern SLASHES = Pattern.compile("/{2,}");

    private RequestPaths() {
    }

    /** {@code uri} with every run of {@code /} replaced by one; the same string when it has none (most requests). */
    public static String collapsed(String uri) {
        return uri.contains("//") ? SLASHES.matcher(uri).replaceAll("/") : uri;
    }
}
