package dev.sonority.audio.tags;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Normalises raw tag strings the way every reader needs: blanks to null, dates to years, "3/12" to 3. */
final class TagValues {

    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(\\d{4})(?!\\d)");
    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*(\\d{1,6})");
    /** ID3v1-style numeric genre references: "17" or "(17)" (ID3v2.3 §4.2.1 TCON). */
    private static final Pattern NUMERIC_GENRE = Pattern.compile("^\\((\\d{1,3})\\).*|^(\\d{1,3})$");

    private TagValues() {}

    /** Trimmed text without NUL padding, or null when nothing is left. */
    static @Nullable String text(@Nullable String raw) {
        if (raw == null) {
            return null;
        }
        String cleaned = raw.replace("\u0000", "").strip();
        return cleaned.isEmpty() ? null : cleaned;
    }

    /** The first stand-alone four-digit number in a date, or null. */
    static @Nullable Integer year(@Nullable String raw) {
        String value = text(raw);
        if (value == null) {
            return null;
        }
        Matcher m = YEAR.matcher(value);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /** The leading number of "3", "03" or "3/12"; null for absent or 0. */
    static @Nullable Integer trackNumber(@Nullable String raw) {
        String value = text(raw);
        if (value == null) {
            return null;
        }
        Matcher m = LEADING_NUMBER.matcher(value);
        if (!m.find()) {
            return null;
        }
        int number = Integer.parseInt(m.group(1));
        return number > 0 ? number : null;
    }

    /** The genre text, with ID3v1 numeric references ("(17)", "17") resolved to their names ("Rock"). */
    static @Nullable String genre(@Nullable String raw) {
        String value = text(raw);
        if (value == null) {
            return null;
        }
        Matcher m = NUMERIC_GENRE.matcher(value);
        if (m.matches()) {
            int id = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
            String name = org.jaudiotagger.tag.reference.GenreTypes.getInstanceOf().getValueForId(id);
            return name != null ? name : value;
        }
        return value;
    }
}
