package dev.sonority.api.search;

import java.util.List;
import java.util.Locale;

/**
 * How two keys relate for a listener, via the circle of fifths: the same key, the relative major/minor
 * (same notes: C major and A minor), the parallel one (same tonic: C major and C minor), a fifth apart
 * (adjacent on the circle: C and G major), or none of these.
 */
final class KeyRelation {

    private static final List<String> SHARPS = List.of("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B");
    private static final List<String> FLATS = List.of("C", "Db", "D", "Eb", "E", "F", "Gb", "G", "Ab", "A", "Bb", "B");

    private KeyRelation() {
    }

    static String of(String keyA, String scaleA, String keyB, String scaleB) {
        int a = pitchClass(keyA);
        int b = pitchClass(keyB);
        boolean minorA = minor(scaleA);
        boolean minorB = minor(scaleB);
        if (a == b && minorA == minorB) {
            return "same";
        }
        if (a == b) {
            return "parallel";
        }
        // the relative major of a minor key is three semitones up; compare both as majors on the circle
        int majorA = minorA ? (a + 3) % 12 : a;
        int majorB = minorB ? (b + 3) % 12 : b;
        if (majorA == majorB) {
            return "relative";
        }
        if (minorA == minorB && ((majorA + 7) % 12 == majorB || (majorB + 7) % 12 == majorA)) {
            return "fifth";
        }
        return "other";
    }

    static int pitchClass(String key) {
        String k = key.strip();
        int i = SHARPS.indexOf(k);
        if (i < 0) {
            i = FLATS.indexOf(k);
        }
        if (i < 0) {
            throw new IllegalArgumentException("not a key name: " + key);
        }
        return i;
    }

    static boolean minor(String scale) {
        return scale != null && scale.strip().toLowerCase(Locale.ROOT).startsWith("min");
    }
}
