package dev.sonority.web;

/**
 * Integers as clients write them: optional sign and ASCII digits only. {@link Integer#parseInt} also takes
 * full-width and other Unicode digits ({@code ５}), and Spring's default conversion takes hex ({@code 0x10}) and
 * octal ({@code 010} as 8); an API that says "an integer" should not answer those as numbers.
 */
public final class AsciiNumbers {

    private AsciiNumbers() {
    }

    /** {@code text} (surrounding blanks ignored) as an int; {@link NumberFormatException} otherwise. */
    public static int parseInt(String text) {
        return Integer.parseInt(requireAsciiDigits(text));
    }

    /** {@code text} (surrounding blanks ignored) as a long; {@link NumberFormatException} otherwise. */
    public static long parseLong(String text) {
        return Long.parseLong(requireAsciiDigits(text));
    }

    private static String requireAsciiDigits(String text) {
        String s = text.strip();
        int start = !s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
        if (s.length() == start) {
            throw new NumberFormatException("not an integer");
        }
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException("not an integer: only the digits 0-9 are accepted");
            }
        }
        return s;
    }
}
