package dev.sonority.api.instant.rules;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Years and decades: "1990-1995", "between 1990 and 1995", "before/after 2000", "since 2010", "90s", "'90s",
 * "1990s", "the nineties", "early/mid/late 80s" (first four, middle four, last three years), "in 1997". Several
 * decades widen one range ("70s and 80s": 1970-1989). Two-digit decades 00s-20s are this century, 30s-90s the last.
 */
final class YearRule {

    private static final String YEAR = "((?:19|20)\\d\\d)";
    private static final Pattern RANGE = Pattern.compile("(?:between |from )?" + YEAR + " ?(?:-|to|and|until) ?"
            + YEAR + "\\b");
    private static final Pattern BEFORE = Pattern.compile("(?:before|until|pre-?|up to) ?" + YEAR + "\\b");
    private static final Pattern AFTER = Pattern.compile("(?:after|post-?)" + " ?" + YEAR + "\\b");
    private static final Pattern SINCE = Pattern.compile("since ?" + YEAR + "\\b");
    private static final Pattern DECADE = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:(early|mid|late)[- ]?)?(?:the )?(?:'|’)?((?:19|20)?\\d0)'?s(?![\\p{L}\\p{N}])");
    private static final Pattern DECADE_WORD = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:(early|mid|late)[- ]?)?(?:the )?(fifties|sixties|seventies|eighties|nineties|noughties"
                    + "|aughts)(?![\\p{L}\\p{N}])");
    private static final Pattern SINGLE = Pattern.compile("(?<![\\p{L}\\p{N}-])" + YEAR + "(?![\\p{L}\\p{N}-])");
    private static final Map<String, Integer> DECADE_WORDS = Map.of("fifties", 1950, "sixties", 1960,
            "seventies", 1970, "eighties", 1980, "nineties", 1990, "noughties", 2000, "aughts", 2000);

    private YearRule() {
    }

    static void apply(PromptText text, Understanding into) {
        Matcher range = RANGE.matcher(text.remaining());
        if (range.find()) {
            int a = Integer.parseInt(range.group(1));
            int b = Integer.parseInt(range.group(2));
            note(into, Math.min(a, b), Math.max(a, b), range.group());
            text.take(range);
            return;
        }
        if (bound(text, into, BEFORE, 0, -1) || bound(text, into, AFTER, 1, 0) || bound(text, into, SINCE, 0, 0)) {
            return;
        }
        boolean decades = decades(text, into, DECADE, false) | decades(text, into, DECADE_WORD, true);
        if (decades) {
            return;
        }
        Matcher single = SINGLE.matcher(text.remaining());
        if (single.find()) {
            int year = Integer.parseInt(single.group(1));
            note(into, year, year, single.group());
            text.take(single);
        }
    }

    /** "before 2000": up to 1999; "after 2000": from 2001; "since 2000": from 2000. */
    private static boolean bound(PromptText text, Understanding into, Pattern pattern, int fromShift, int toShift) {
        Matcher matcher = pattern.matcher(text.remaining());
        if (!matcher.find()) {
            return false;
        }
        int year = Integer.parseInt(matcher.group(1));
        if (toShift < 0) {
            into.yearMax = year + toShift;
            into.understood.add("years up to " + into.yearMax + " (\"" + matcher.group() + "\")");
        } else {
            into.yearMin = year + fromShift;
            into.understood.add("years from " + into.yearMin + " (\"" + matcher.group() + "\")");
        }
        text.take(matcher);
        return true;
    }

    private static boolean decades(PromptText text, Understanding into, Pattern pattern, boolean words) {
        boolean found = false;
        Matcher matcher = pattern.matcher(text.remaining());
        while (matcher.find()) {
            int start = words ? DECADE_WORDS.get(matcher.group(2)) : decadeStart(matcher.group(2));
            int from = start;
            int to = start + 9;
            if ("early".equals(matcher.group(1))) {
                to = start + 3;
            } else if ("mid".equals(matcher.group(1))) {
                from = start + 3;
                to = start + 6;
            } else if ("late".equals(matcher.group(1))) {
                from = start + 7;
            }
            note(into, from, to, matcher.group());
            text.take(matcher);
            found = true;
        }
        return found;
    }

    private static int decadeStart(String digits) {
        int value = Integer.parseInt(digits);
        if (digits.length() == 4) {
            return value;
        }
        return value <= 20 ? 2000 + value : 1900 + value;
    }

    private static void note(Understanding into, int from, int to, String words) {
        into.years(from, to);
        into.understood.add("years " + from + (from == to ? "" : "-" + to) + " (\"" + words.strip() + "\")");
    }
}
