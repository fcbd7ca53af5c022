package dev.sonority.bench.realmusic;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A key as a tonic pitch class (0 = C) and a mode, comparable across spellings (Essentia writes Bb and Eb,
 * Sonority A# and D#), and how an estimate relates to a reference in the usual MIREX error classes.
 */
public record MusicalKey(int tonic, boolean minor) {

    private static final List<String> SHARPS = List.of("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B");
    private static final List<String> FLATS = List.of("C", "Db", "D", "Eb", "E", "F", "Gb", "G", "Ab", "A", "Bb", "B");

    /** How an estimate relates to a reference key. */
    public enum Relation {
        /** same tonic and mode */
        EXACT,
        /** same mode, tonic a perfect fifth above or below */
        FIFTH,
        /** major and its relative minor (tonic three semitones lower), either way */
        RELATIVE,
        /** same tonic, other mode */
        PARALLEL,
        /** any other key */
        OTHER,
        /** no estimate */
        NONE
    }

    public MusicalKey {
        if (tonic < 0 || tonic > 11) {
            throw new IllegalArgumentException("tonic pitch class out of 0..11: " + tonic);
        }
    }

    /** {@code name} a tonic with sharps or flats, {@code scale} "major" or "minor"; null when either is null. */
    public static @Nullable MusicalKey parse(@Nullable String name, @Nullable String scale) {
        if (name == null || scale == null) {
            return null;
        }
        int tonic = SHARPS.indexOf(name);
        if (tonic < 0) {
            tonic = FLATS.indexOf(name);
        }
        if (tonic < 0) {
            throw new IllegalArgumentException("unknown tonic " + name);
        }
        return switch (scale.toLowerCase(Locale.ROOT)) {
            case "major" -> new MusicalKey(tonic, false);
            case "minor" -> new MusicalKey(tonic, true);
            default -> throw new IllegalArgumentException("unknown scale " + scale);
        };
    }

    /** How {@code estimate} relates to {@code reference}. */
    public static Relation relation(@Nullable MusicalKey estimate, MusicalKey reference) {
        if (estimate == null) {
            return Relation.NONE;
        }
        int up = Math.floorMod(estimate.tonic - reference.tonic, 12);
        if (estimate.minor == reference.minor) {
            return up == 0 ? Relation.EXACT : up == 7 || up == 5 ? Relation.FIFTH : Relation.OTHER;
        }
        if (up == 0) {
            return Relation.PARALLEL;
        }
        // the relative minor's tonic is 3 semitones below its major's (C major / A minor)
        boolean relative = estimate.minor ? up == 9 : up == 3;
        return relative ? Relation.RELATIVE : Relation.OTHER;
    }

    @Override
    public String toString() {
        return SHARPS.get(tonic) + (minor ? " minor" : " major");
    }
}
