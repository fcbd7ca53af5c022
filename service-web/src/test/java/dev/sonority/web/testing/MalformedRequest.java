package dev.sonority.web.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One way a hostile or careless client breaks a request, applied to any endpoint: the table every service's
 * front-door test runs over all of its endpoints. None may be answered 5xx or with anything but JSON.
 *
 * @param name what is wrong, for the test report
 * @param method the method to send (null: the endpoint's own)
 * @param suffix appended to the endpoint path (a query string or a path tail)
 * @param headers extra headers
 * @param body a body, or null
 */
public record MalformedRequest(String name, String method, String suffix, Map<String, String> headers, byte[] body) {

    private static final String LONG = "a".repeat(9000);

    @Override
    public String toString() {
        return name;
    }

    /** The request to send to {@code path} (the endpoint's own method when this one names none). */
    public RawHttp.Answer sendTo(RawHttp http, String endpointMethod, String path) {
        String separator = suffix.startsWith("?") && path.contains("?") ? "&" + suffix.substring(1) : suffix;
        return http.send(method == null ? endpointMethod : method, path + separator, headers, body);
    }

    /**
     * What went wrong sending this request to each endpoint ({@code {method, path}}): every answer that is a 5xx,
     * or an error that is not JSON with a {@code detail}, or that names an internal type. Empty when all held.
     */
    public List<String> failuresOn(RawHttp http, List<String[]> endpoints) {
        List<String> failures = new java.util.ArrayList<>();
        for (String[] endpoint : endpoints) {
            RawHttp.Answer answer = sendTo(http, endpoint[0], endpoint[1]);
            boolean jsonError = answer.status() < 400 || (answer.contentType().contains("json")
                    && answer.body().contains("\"detail\"") && !answer.body().contains("dev.sonority"));
            if (answer.status() >= 500 || !jsonError) {
                String body = answer.body().length() > 200 ? answer.body().substring(0, 200) + "…" : answer.body();
                failures.add(endpoint[0] + " " + endpoint[1] + " -> " + answer.status() + " " + answer.contentType()
                        + " " + body);
            }
        }
        return failures;
    }

    /** The whole table. */
    public static List<MalformedRequest> all() {
        return List.of(
                new MalformedRequest("bad percent-encoding in the query", null, "?x=%zz", Map.of(), null),
                new MalformedRequest("invalid UTF-8 in the query", null, "?x=%ff%fe", Map.of(), null),
                new MalformedRequest("NUL in the query", null, "?x=%00", Map.of(), null),
                new MalformedRequest("huge number", null, "?limit=9223372036854775807999&offset=9223372036854775807",
                        Map.of(), null),
                new MalformedRequest("hex number", null, "?limit=0x10", Map.of(), null),
                new MalformedRequest("full-width digit", null, "?limit=%EF%BC%95", Map.of(), null),
                new MalformedRequest("raw brackets", null, "?x=[1]", Map.of(), null),
                new MalformedRequest("raw backslash in the path", null, "/a\\b", Map.of(), null),
                new MalformedRequest("NUL in the path", null, "/a%00b", Map.of(), null),
                new MalformedRequest("invalid UTF-8 in the path", null, "/%C3%28", Map.of(), null),
                new MalformedRequest("request line over 8 KB", null, "?x=" + LONG, Map.of(), null),
                new MalformedRequest("header over 8 KB", null, "", Map.of("X-Long", LONG), null),
                new MalformedRequest("wrong content type", "POST", "", Map.of("Content-Type", "text/plain"),
                        "x".getBytes(StandardCharsets.UTF_8)),
                new MalformedRequest("form-encoded binary body", "POST", "",
                        Map.of("Content-Type", "application/x-www-form-urlencoded"), new byte[] {0, '%', (byte) 0xff,
                                '=', '&', '%', 'z'}),
                new MalformedRequest("JSON body over 1 MB", "POST", "", Map.of("Content-Type", "application/json"),
                        ("[\"" + "m".repeat(1_100_000) + "\"]").getBytes(StandardCharsets.UTF_8)),
                new MalformedRequest("unknown method", "PATCH", "", Map.of(), null));
    }
}
