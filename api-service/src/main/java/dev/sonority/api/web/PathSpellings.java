package dev.sonority.api.web;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The spellings under which a song path may be stored: paths keep the bytes found on disk (no Unicode
 * normalisation), so a lookup tries the path as given, then its NFC and NFD forms.
 */
public final class PathSpellings {

    private PathSpellings() {
    }

    /** As given, NFC, NFD (duplicates removed, in that order). */
    public static List<String> of(String path) {
        LinkedHashSet<String> spellings = new LinkedHashSet<>();
        spellings.add(path);
        spellings.add(Normalizer.normalize(path, Normalizer.Form.NFC));
        spellings.add(Normalizer.normalize(path, Normalizer.Form.NFD));
        return List.copyOf(spellings);
    }
}
