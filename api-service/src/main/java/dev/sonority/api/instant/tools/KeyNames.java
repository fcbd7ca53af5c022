package dev.sonority.api.instant.tools;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Key names as song_descriptors stores them (C, C#, D ... B: sharps), from any spelling a person or model uses. */
public final class KeyNames {

    static final List<String> STORED = List.of("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B");
    private static final Map<String, Integer> FLATS = Map.of("Db", 1, "Eb", 3, "Gb", 6, "Ab", 8, "Bb", 10, "Cb", 11,
            "Fb", 4);

    private KeyNames() {
    }

    /** The stored name of {@code name} ({@code "bb"} → {@code "A#"}), or null when it names no key. */
    public static String stored(String name) {
        String trimmed = name.strip().replace('♯', '#').replace('♭', 'b');
        if (trimmed.isEmpty() || trimmed.length() > 2) {
            return null;
        }
        String spelled = trimmed.substring(0, 1).toUpperCase(Locale.ROOT) + trimmed.substring(1).toLowerCase(Locale.ROOT);
        if (STORED.contains(spelled)) {
            return spelled;
        }
        Integer flat = FLATS.get(spelled);
        return flat == null ? null : STORED.get(flat);
    }
}
