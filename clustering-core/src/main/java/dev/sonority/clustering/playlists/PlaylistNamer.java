package dev.sonority.clustering.playlists;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Names playlists from their two strongest labels, their tempo and their genre, e.g. "Relaxed · Acoustic ·
 * Slow · Jazz", and keeps the names unique within a run by numbering repeats ("… 2").
 */
final class PlaylistNamer {

    static final String SEPARATOR = " · ";
    /** Tempo bands in BPM: slow below 90, medium below 120, fast from 120. */
    static final double SLOW_BELOW = 90;
    static final double MEDIUM_BELOW = 120;

    private final Set<String> used = new HashSet<>();

    String name(List<String> labels, double medianTempo, @Nullable String genre) {
        List<String> parts = new ArrayList<>();
        labels.forEach(label -> parts.add(capitalised(label)));
        if (!Double.isNaN(medianTempo)) {
            parts.add(medianTempo < SLOW_BELOW ? "Slow" : medianTempo < MEDIUM_BELOW ? "Medium" : "Fast");
        }
        if (genre != null && parts.stream().noneMatch(genre::equalsIgnoreCase)) {
            parts.add(capitalised(genre));
        }
        String base = parts.isEmpty() ? "Cluster" : String.join(SEPARATOR, parts);
        String name = base;
        for (int n = 2; !used.add(name); n++) {
            name = base + " " + n;
        }
        return name;
    }

    private static String capitalised(String label) {
        return label.isEmpty() ? label : label.substring(0, 1).toUpperCase(Locale.ROOT) + label.substring(1);
    }
}
