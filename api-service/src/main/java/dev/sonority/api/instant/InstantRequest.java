package dev.sonority.api.instant;

import dev.sonority.api.web.ValidationException;
import dev.sonority.api.web.Violation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;

/** The body of {@code POST /api/v1/playlists/instant}. */
@Schema(description = "A playlist request in plain words")
public record InstantRequest(
        @Schema(description = "What the playlist should be, e.g. \"upbeat 90s rock for a long drive\"; 1 to 1000"
                + " characters, not blank", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = MAX_PROMPT)
        String prompt,
        @Schema(description = "How many songs at most", minimum = "1", maximum = "200", defaultValue = "30")
        Integer n,
        @Schema(description = "Also save it as a playlist (source instant, the request as its request)",
                defaultValue = "false")
        Boolean save,
        @Schema(description = "Most songs by one artist, except artists the prompt names", minimum = "1",
                maximum = "200", defaultValue = "3")
        Integer maxPerArtist) {

    static final int MAX_PROMPT = 1000;
    static final int MAX_SONGS = 200;

    public int songs() {
        return n == null ? 30 : n;
    }

    public boolean saved() {
        return Boolean.TRUE.equals(save);
    }

    public int perArtist() {
        return maxPerArtist == null ? 3 : maxPerArtist;
    }

    /** The prompt without surrounding white space, after {@link #validate()}. */
    public String text() {
        return prompt.strip();
    }

    /** 422 naming every invalid field. */
    void validate() {
        List<Violation> violations = new ArrayList<>();
        if (prompt == null) {
            violations.add(Violation.of("Field required", "missing", "body", "prompt"));
        } else if (prompt.isBlank()) {
            violations.add(Violation.of("String should have at least 1 non-blank character", "string_too_short",
                    "body", "prompt"));
        } else if (prompt.length() > MAX_PROMPT) {
            violations.add(Violation.of("String should have at most " + MAX_PROMPT + " characters", "string_too_long",
                    "body", "prompt"));
        }
        range(violations, n, "n");
        range(violations, maxPerArtist, "max_per_artist");
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    private static void range(List<Violation> violations, Integer value, String name) {
        if (value != null && (value < 1 || value > MAX_SONGS)) {
            violations.add(Violation.of("Input should be between 1 and " + MAX_SONGS, "range", "body", name));
        }
    }
}
