package dev.sonority.launcher.progress;

import java.util.Locale;

/**
 * One line of progress, e.g. {@code Scanning  [#####.....] 52%  1040/2000 files  120/s  ETA 0:08}. A pure
 * function of its inputs, so the exact text is testable.
 */
public final class ProgressBar {

    private static final int LABEL_WIDTH = 10;

    private ProgressBar() {
    }

    /**
     * @param label what is happening, e.g. "Scanning"
     * @param done items processed so far, or -1 if unknown
     * @param total items in all, or -1 (or 0) while unknown: the bar then follows {@code percent}
     * @param percent the task's own progress (0-100), used when the total is unknown
     * @param perSecond the recent rate, NaN while unknown
     * @param unit what the items are, e.g. "files"
     * @param width characters inside the brackets
     */
    public static String render(String label, long done, long total, int percent, double perSecond, String unit, int width) {
        double fraction = total > 0 && done >= 0 ? Math.min(1.0, (double) done / total) : Math.clamp(percent, 0, 100) / 100.0;
        int filled = (int) Math.floor(width * fraction + 1e-9);
        String counts = total > 0 && done >= 0 ? done + "/" + total + " " + unit : done >= 0 ? done + " " + unit : "";
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-" + LABEL_WIDTH + "s", label))
                .append('[').append("#".repeat(filled)).append(".".repeat(width - filled)).append("] ")
                .append((int) Math.floor(100 * fraction + 1e-9)).append('%');
        if (!counts.isEmpty()) {
            line.append("  ").append(counts);
        }
        line.append("  ").append(rate(perSecond)).append("  ETA ").append(eta(done, total, perSecond));
        return line.toString();
    }

    static String rate(double perSecond) {
        if (Double.isNaN(perSecond) || perSecond <= 0) {
            return "--/s";
        }
        return String.format(Locale.ROOT, perSecond >= 10 ? "%.0f/s" : "%.1f/s", perSecond);
    }

    static String eta(long done, long total, double perSecond) {
        if (total <= 0 || done < 0 || Double.isNaN(perSecond) || perSecond <= 0) {
            return done >= 0 && total > 0 && done >= total ? "0:00" : "--:--";
        }
        return duration(Math.round(Math.max(0, total - done) / perSecond));
    }

    /** {@code m:ss} below an hour, {@code h:mm:ss} from there. */
    public static String duration(long seconds) {
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
    }
}
