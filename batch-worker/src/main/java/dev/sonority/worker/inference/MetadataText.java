package dev.sonority.worker.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The sentence a text model embeds for one song, so that "slow sad piano in A minor" finds songs even in a
 * library analysed without a joint audio–text model: its tags, a tempo word, its key, and the MusiCNN tags
 * and moods that scored highest. Words a listener would type, not numbers alone.
 */
record MetadataText(@Nullable String title, @Nullable String artist, @Nullable String album,
        @Nullable String genre, @Nullable Integer year, @Nullable Double bpm, @Nullable String key,
        @Nullable String scale, List<String> tags, List<String> moods) {

    MetadataText {
        tags = List.copyOf(tags);
        moods = List.copyOf(moods);
    }

    /** Null when there is nothing to say about the song (no tags, no analysis). */
    @Nullable String render() {
        List<String> parts = new ArrayList<>();
        StringBuilder head = new StringBuilder();
        if (present(title)) {
            head.append(title.strip());
        }
        if (present(artist)) {
            head.append(head.isEmpty() ? "" : " ").append("by ").append(artist.strip());
        }
        if (present(album)) {
            head.append(head.isEmpty() ? "" : " ").append("from the album ").append(album.strip());
        }
        if (year != null) {
            head.append(head.isEmpty() ? "" : " ").append("(").append(year).append(")");
        }
        if (!head.isEmpty()) {
            parts.add(head.toString());
        }
        if (present(genre)) {
            parts.add("Genre: " + genre.strip());
        }
        if (bpm != null && bpm > 0) {
            parts.add("Tempo: " + tempoWord(bpm) + " (" + Math.round(bpm) + " BPM)");
        }
        if (present(key)) {
            parts.add("Key: " + key.strip() + (present(scale) ? " " + scale.strip() : ""));
        }
        if (!moods.isEmpty()) {
            parts.add("Mood: " + String.join(", ", moods));
        }
        if (!tags.isEmpty()) {
            parts.add("Style: " + String.join(", ", tags));
        }
        return parts.isEmpty() ? null : String.join(". ", parts) + ".";
    }

    /** Italian tempo markings, in words people search with (boundaries after the common metronome table). */
    static String tempoWord(double bpm) {
        if (bpm < 66) {
            return "very slow";
        }
        if (bpm < 90) {
            return "slow";
        }
        if (bpm < 115) {
            return "moderate";
        }
        if (bpm < 140) {
            return "fast";
        }
        return "very fast";
    }

    private static boolean present(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        String text = render();
        return text == null ? "(nothing to describe)" : text.toLowerCase(Locale.ROOT);
    }
}
