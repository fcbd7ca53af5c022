package dev.sonority.launcher.command;

import dev.sonority.launcher.client.ApiClient;
import dev.sonority.launcher.client.TaskSnapshot;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/** The end of {@code up}: what the library holds, where the API is, and requests to try. */
final class LibrarySummary {

    private LibrarySummary() {
    }

    static void print(PrintStream out, ApiClient api, TaskSnapshot scan, TaskSnapshot analyze) {
        String base = api.base().toString();
        JsonNode stats = api.stats();
        long songs = stats.path("total_songs").asLong(-1);
        long analysed = stats.path("songs_with_acoustic_features").asLong(-1);
        // the library-wide count (files unreadable at scan time included) when the API reports it
        long failed = stats.path("failed_songs").isNumber() ? stats.path("failed_songs").asLong()
                : analyze != null && analyze.failed() >= 0 ? analyze.failed() : 0;
        out.println();
        out.printf("Library: %d songs, %d analysed, %d failed%n", songs, analysed, failed);
        if (failed > 0) {
            out.printf("  why they failed: curl '%s/api/v1/songs?status=FAILED'%n", base);
        }
        for (TaskSnapshot task : new TaskSnapshot[] {scan, analyze}) {
            if (task != null && !task.succeeded()) {
                out.printf("  %s ended %s: %s%n", task.name(), task.status(), task.message() == null ? "" : task.message());
            }
        }
        String song = api.anySongPath().orElse("Artist/Album/01 Title.flac");
        out.println();
        out.println("API: " + base + "   (OpenAPI " + base + "/v3/api-docs, Swagger UI " + base + "/swagger-ui.html)");
        out.println("Try:");
        out.printf("  curl %s/api/v1/stats%n", base);
        out.printf("  curl '%s/api/v1/songs?limit=5'%n", base);
        out.printf("  curl '%s/api/v1/songs/%s/analysis'%n", base, pathSegment(song));
        out.printf("  curl '%s/api/v1/tasks?limit=5'%n", base);
        // similar songs and text search come with the search issue; until then they answer 404
        out.println("Logs are in the state directory's logs/; ./sonority status shows progress; Ctrl-C stops everything.");
    }

    /** One URL path segment: {@code /} as %2F, space as %20 (never '+'), and no quote that could end the shell string. */
    static String pathSegment(String songPath) {
        return URLEncoder.encode(songPath, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
