package dev.sonority.api.instant.rules;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * A prompt as words that rules take away as they understand them: lower case, NFC, one space between words.
 * Rules match regular expressions against {@link #remaining()}, where taken words are blanked out with a
 * character that no pattern matches (so no match spans a word another rule took), and n-grams of adjacent
 * words that are still free.
 */
final class PromptText {

    /** Stands in for each character of a taken word: neither a letter, a digit nor white space. */
    static final char TAKEN = '\u0001';
    private static final String EDGE_PUNCTUATION = ",.!?;:\"()[]{}«»“”";

    private final String text;
    private final List<int[]> words = new ArrayList<>();
    private final boolean[] taken;

    PromptText(String prompt) {
        text = Normalizer.normalize(prompt, Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
                .replace('’', '\'').replace('‘', '\'').replace('–', '-').replace('—', '-').strip()
                .replaceAll("\\s+", " ");
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == ' ') {
                if (i > start) {
                    words.add(new int[] {start, i});
                }
                start = i + 1;
            }
        }
        taken = new boolean[words.size()];
    }

    String remaining() {
        StringBuilder remaining = new StringBuilder(text);
        for (int w = 0; w < words.size(); w++) {
            if (taken[w]) {
                for (int c = words.get(w)[0]; c < words.get(w)[1]; c++) {
                    remaining.setCharAt(c, TAKEN);
                }
            }
        }
        return remaining.toString();
    }

    /** Takes every word that the match overlaps. */
    void take(Matcher match) {
        take(match.start(), match.end());
    }

    void take(int from, int to) {
        for (int w = 0; w < words.size(); w++) {
            if (words.get(w)[0] < to && words.get(w)[1] > from) {
                taken[w] = true;
            }
        }
    }

    int wordCount() {
        return words.size();
    }

    /** Words {@code from} (inclusive) to {@code to} (exclusive) joined by spaces, edge punctuation stripped; null if any is taken. */
    String freeWords(int from, int to) {
        StringBuilder joined = new StringBuilder();
        for (int w = from; w < to; w++) {
            if (taken[w]) {
                return null;
            }
            if (!joined.isEmpty()) {
                joined.append(' ');
            }
            joined.append(word(w));
        }
        return joined.toString();
    }

    void takeWords(int from, int to) {
        for (int w = from; w < to; w++) {
            taken[w] = true;
        }
    }

    /** The index of the word that starts at or after character {@code offset}, or the word count. */
    int wordAt(int offset) {
        for (int w = 0; w < words.size(); w++) {
            if (words.get(w)[1] > offset) {
                return w;
            }
        }
        return words.size();
    }

    /** The words no rule took, edge punctuation stripped. */
    List<String> freeWords() {
        List<String> free = new ArrayList<>();
        for (int w = 0; w < words.size(); w++) {
            if (!taken[w] && !word(w).isEmpty()) {
                free.add(word(w));
            }
        }
        return free;
    }

    private String word(int w) {
        String word = text.substring(words.get(w)[0], words.get(w)[1]);
        int from = 0;
        int to = word.length();
        while (from < to && EDGE_PUNCTUATION.indexOf(word.charAt(from)) >= 0) {
            from++;
        }
        while (to > from && EDGE_PUNCTUATION.indexOf(word.charAt(to - 1)) >= 0) {
            to--;
        }
        return word.substring(from, to);
    }
}
