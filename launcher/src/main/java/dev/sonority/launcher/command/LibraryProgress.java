package dev.sonority.launcher.command;

import dev.sonority.launcher.progress.ProgressBar;
import dev.sonority.launcher.progress.ProgressDisplay;
import dev.sonority.launcher.progress.RateMeter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * The progress line of {@code export} and {@code import}: megabytes moved, with a bar when the size is known (an
 * upload; an export's size is known only at its end), redrawn at most every 200 ms.
 */
final class LibraryProgress implements LongConsumer {

    private static final double MB = 1024.0 * 1024.0;

    private final ProgressDisplay display;
    private final String label;
    private final long totalBytes;
    private final RateMeter rate = new RateMeter(Duration.ofSeconds(5));
    private long lastDraw = Long.MIN_VALUE;
    private long done;

    /** @param totalBytes the size, or -1 when unknown */
    LibraryProgress(ProgressDisplay display, String label, long totalBytes) {
        this.display = display;
        this.label = label;
        this.totalBytes = totalBytes;
    }

    @Override
    public void accept(long bytes) {
        done = bytes;
        long now = System.nanoTime();
        rate.record(now, bytes);
        if (lastDraw == Long.MIN_VALUE || now - lastDraw >= 200_000_000L) {
            lastDraw = now;
            display.update(line());
        }
    }

    void finish(String outcome) {
        display.finish(line() + "  " + outcome);
    }

    private String line() {
        if (totalBytes > 0) {
            long totalMb = Math.max(1, (long) Math.ceil(totalBytes / MB));
            long doneMb = done >= totalBytes ? totalMb : (long) Math.floor(done / MB);
            return ProgressBar.render(label, doneMb, totalMb, 0,
                    rate.perSecond() / MB, "MB", 30);
        }
        double perSecond = rate.perSecond() / MB;
        return String.format(Locale.ROOT, "%-10s%.1f MB%s", label, done / MB,
                Double.isNaN(perSecond) ? "" : String.format(Locale.ROOT, "  %.1f MB/s", perSecond));
    }
}
