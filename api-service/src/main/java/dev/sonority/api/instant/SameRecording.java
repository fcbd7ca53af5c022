package dev.sonority.api.instant;

import dev.sonority.api.search.SongSummary;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What makes two files the same recording for a playlist: the same artist and title once case, accents,
 * spacing and a remaster note ("(Remastered 2011)", "- 2009 Remaster") are set aside. Live, acoustic and remix
 * versions stay distinct: they are other recordings. A song without a title is only itself.
 */
final class SameRecording {

    private static final Pattern REMASTER = Pattern.compile(
            "\\s*(?:[(\\[][^)\\]]*remaster[^)\\]]*[)\\]]|-\\s*(?:\\d{4}\\s*)?remaster(?:ed)?(?:\\s*\\d{4})?(?:\\s+version)?)\\s*$");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private SameRecording() {
    }

    static String key(SongSummary song) {
        if (song.title() == null || song.title().isBlank()) {
            return "path:" + song.filePath();
        }
        String title = REMASTER.matcher(normal(song.title())).replaceAll("");
        return normal(song.artist() == null ? "" : song.artist()) + "\u0000" + title;
    }

    private static String normal(String text) {
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        return plain.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    }
}
