package dev.sonority.api.instant.rules;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tempo in BPM: "120 bpm" (±5), "100-120 bpm", "over/under 140 bpm", and tempo words. The words' ranges are
 * Sonority's reading of common usage (Italian tempo markings put andante at 76-108 and allegro at 120-156):
 * very slow ≤ 70, slow ≤ 90, mid-tempo 90-120, uptempo and energetic ≥ 120, fast ≥ 130, very fast ≥ 150.
 */
final class TempoRule {

    private record Word(Pattern pattern, Double min, Double max) {
    }

    private static final String NUMBER = "(\\d{2,3}(?:\\.\\d+)?)";
    private static final Pattern RANGE = Pattern.compile("(?:between )?" + NUMBER + " ?(?:-|to|and) ?" + NUMBER
            + " ?bpm\\b");
    private static final Pattern AT_LEAST = Pattern.compile(
            "(?:over|above|faster than|more than|at least|>) ?" + NUMBER + " ?bpm\\b");
    private static final Pattern AT_MOST = Pattern.compile(
            "(?:under|below|slower than|less than|at most|<) ?" + NUMBER + " ?bpm\\b");
    private static final Pattern AROUND = Pattern.compile("(?:(?:around|about|roughly|~|at) ?)?" + NUMBER + " ?bpm\\b");
    private static final double AROUND_BPM = 5;

    private static final List<Word> WORDS = List.of(
            word("very slow|super slow|really slow", null, 70.0),
            word("very fast|super fast|really fast|breakneck", 150.0, null),
            word("mid-tempo|midtempo|mid tempo|medium tempo|moderate tempo|medium-paced", 90.0, 120.0),
            word("up-tempo|uptempo|up tempo|energetic|high-energy|high energy", 120.0, null),
            word("slow|slower|slow-paced|downtempo|down-tempo", null, 90.0),
            word("fast|faster|quick|fast-paced|rapid", 130.0, null));

    private TempoRule() {
    }

    static void apply(PromptText text, Understanding into) {
        if (!numeric(text, RANGE, into, true, true) && !numeric(text, AT_LEAST, into, true, false)
                && !numeric(text, AT_MOST, into, false, true)) {
            Matcher around = AROUND.matcher(text.remaining());
            if (around.find()) {
                double bpm = Double.parseDouble(around.group(1));
                set(into, bpm - AROUND_BPM, bpm + AROUND_BPM, "tempo " + around.group(1) + " BPM (±5)");
                text.take(around);
            }
        }
        if (into.tempoMin != null || into.tempoMax != null) {
            return;
        }
        for (Word word : WORDS) {
            Matcher matcher = word.pattern().matcher(text.remaining());
            if (matcher.find()) {
                set(into, word.min(), word.max(), "tempo " + range(word.min(), word.max()) + " (\"" + matcher.group()
                        + "\")");
                text.take(matcher);
                return;
            }
        }
    }

    private static boolean numeric(PromptText text, Pattern pattern, Understanding into, boolean min, boolean max) {
        Matcher matcher = pattern.matcher(text.remaining());
        if (!matcher.find()) {
            return false;
        }
        double first = Double.parseDouble(matcher.group(1));
        double second = matcher.groupCount() > 1 ? Double.parseDouble(matcher.group(2)) : first;
        Double low = min ? Math.min(first, second) : null;
        Double high = max ? Math.max(first, second) : null;
        set(into, low, high, "tempo " + range(low, high));
        text.take(matcher);
        return true;
    }

    private static void set(Understanding into, Double min, Double max, String note) {
        into.tempoMin = min == null ? null : Math.max(20, min);
        into.tempoMax = max == null ? null : Math.min(300, max);
        into.understood.add(note);
    }

    private static String range(Double min, Double max) {
        if (min != null && max != null) {
            return fmt(min) + "-" + fmt(max) + " BPM";
        }
        return min != null ? fmt(min) + " BPM or more" : "up to " + fmt(max) + " BPM";
    }

    private static String fmt(double bpm) {
        return bpm == Math.rint(bpm) ? Long.toString((long) bpm) : Double.toString(bpm);
    }

    private static Word word(String alternatives, Double min, Double max) {
        return new Word(Pattern.compile("(?<![\\p{L}\\p{N}-])(?:" + alternatives + ")(?![\\p{L}\\p{N}-])"), min, max);
    }
}
