package dev.sonority.inference.spi;

/**
 * Which of a track's windows a model runs: all of them, or {@code count} spread evenly over the track, so a
 * CPU-only installation can trade quality for time. Parsed from the request's {@code windows=N|all}.
 *
 * @param count the number of windows wanted; {@code 0} means all
 */
public record WindowSelection(int count) {

    /** At most this many windows may be asked for explicitly. */
    public static final int MAX_COUNT = 10_000;

    private static final WindowSelection ALL = new WindowSelection(0);

    public WindowSelection {
        if (count < 0 || count > MAX_COUNT) {
            throw new InvalidInputException("windows must be 'all' or a whole number from 0 (all) to " + MAX_COUNT
                    + ", was " + count);
        }
    }

    public static WindowSelection all() {
        return ALL;
    }

    /** {@code null}, empty, {@code all} or {@code 0} → all; otherwise a positive count. */
    public static WindowSelection parse(String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("all")) {
            return ALL;
        }
        int n;
        try {
            n = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("windows must be 'all' or a whole number from 0 (all) to " + MAX_COUNT
                    + ", was '" + value + "'");
        }
        return n == 0 ? ALL : new WindowSelection(n); // 0 = all, as the worker's INFERENCE_WINDOWS
    }

    public boolean isAll() {
        return count == 0;
    }

    /**
     * The indices of the windows to run among {@code available} (ascending): all of them, or the window at the
     * centre of each of {@code count} equal parts of the track, {@code floor((2i + 1) * available / (2 count))}.
     */
    public int[] pick(int available) {
        int n = isAll() || count >= available ? available : count;
        int[] picked = new int[n];
        for (int i = 0; i < n; i++) {
            picked[i] = n == available ? i : (int) ((2L * i + 1) * available / (2L * n));
        }
        return picked;
    }
}
