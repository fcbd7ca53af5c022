package dev.sonority.launcher.progress;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Where progress lines go: on a terminal one line redrawn in place; otherwise (a pipe, a log file) plain
 * lines at most every {@code interval}, so a log is not flooded.
 */
public interface ProgressDisplay {

    void update(String line);

    /** The last line of a task, always shown, followed by a newline. */
    void finish(String line);

    static ProgressDisplay forStdout() {
        var console = System.console();
        return console != null && console.isTerminal() ? terminal(System.out) : plain(System.out, Duration.ofSeconds(10));
    }

    static ProgressDisplay terminal(PrintStream out) {
        return new ProgressDisplay() {
            @Override
            public void update(String line) {
                out.print("\r" + line + "\u001b[K");
                out.flush();
            }

            @Override
            public void finish(String line) {
                out.print("\r" + line + "\u001b[K\n");
                out.flush();
            }
        };
    }

    static ProgressDisplay plain(PrintStream out, Duration interval) {
        return new ProgressDisplay() {
            private long last = Long.MIN_VALUE;

            @Override
            public void update(String line) {
                long now = System.nanoTime();
                if (last == Long.MIN_VALUE || now - last >= interval.toNanos()) {
                    last = now;
                    out.println(line);
                }
            }

            @Override
            public void finish(String line) {
                out.println(line);
                last = Long.MIN_VALUE;
            }
        };
    }
}
