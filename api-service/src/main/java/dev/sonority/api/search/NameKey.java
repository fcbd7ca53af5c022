package dev.sonority.api.search;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How names are compared: Unicode-normalised (NFKC, so a composed "é" and "e" + combining accent, or a
 * full-width letter and its plain form, are one name), case-insensitive, surrounding and repeated spaces
 * ignored. Artist caps, "the same song" (artist + title) and artist lookups all compare names this way.
 */
public final class NameKey {

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private NameKey() {
    }

    /** The comparable form of a name; null for a missing or blank one (no name is not a name). */
    public static @Nullable String of(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String normalised = Normalizer.normalize(name, Normalizer.Form.NFKC).strip();
        return SPACES.matcher(normalised).replaceAll(" ").toLowerCase(Locale.ROOT);
    }
}
