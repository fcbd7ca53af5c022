package dev.sonority.model.startup;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Connection URLs as they may be printed: no password, no query string (it may carry one). */
final class Redacted {

    private Redacted() {
    }

    /** {@code jdbc:postgresql://db:5432/sonority?password=x} → {@code jdbc:postgresql://db:5432/sonority}. */
    static String jdbcUrl(String url) {
        int query = url.indexOf('?');
        return withoutUserInfo(query < 0 ? url : url.substring(0, query));
    }

    /**
     * {@code amqp://user:secret@mq:5672/vhost} → {@code amqp://user@mq:5672/vhost}; several comma-separated
     * addresses each the same way.
     */
    static String amqpAddresses(String addresses) {
        return Arrays.stream(addresses.split(",")).map(String::trim).map(Redacted::withoutPassword)
                .collect(Collectors.joining(","));
    }

    private static String withoutUserInfo(String url) {
        int scheme = url.indexOf("://");
        int at = url.indexOf('@', Math.max(scheme, 0));
        int slash = url.indexOf('/', scheme + 3);
        if (scheme < 0 || at < 0 || (slash >= 0 && at > slash)) {
            return url;
        }
        return url.substring(0, scheme + 3) + url.substring(at + 1);
    }

    private static String withoutPassword(String url) {
        int scheme = url.indexOf("://");
        int start = scheme < 0 ? 0 : scheme + 3;
        int at = url.indexOf('@', start);
        int slash = url.indexOf('/', start);
        if (at < 0 || (slash >= 0 && at > slash)) {
            return url;
        }
        int colon = url.indexOf(':', start);
        return colon < 0 || colon > at ? url : url.substring(0, colon) + url.substring(at);
    }
}
