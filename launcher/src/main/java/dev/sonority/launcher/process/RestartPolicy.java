package dev.sonority.launcher.process;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * When a service that died is started again: after a pause that doubles with each recent death (1 s, 2 s,
 * 4 s ... up to a ceiling), and not at all once it has died more than {@code maxRestarts} times within
 * {@code window} — a service that cannot stay up (a broken install, a port taken) stops the instance with the
 * reason instead of restarting forever. Deaths older than the window are forgotten, so a worker that crashes
 * on one hostile file a day is always restarted.
 */
public final class RestartPolicy {

    /** What to do about one death. */
    public record Decision(boolean restart, Duration pause, int deathsInWindow) {
    }

    private final int maxRestarts;
    private final Duration window;
    private final Duration firstPause;
    private final Duration maxPause;
    private final LongSupplier nanoTime;
    private final Deque<Long> deaths = new ArrayDeque<>();

    public RestartPolicy(int maxRestarts, Duration window, Duration firstPause, Duration maxPause, LongSupplier nanoTime) {
        if (maxRestarts < 0 || window.isNegative() || firstPause.isNegative() || maxPause.compareTo(firstPause) < 0) {
            throw new IllegalArgumentException("restart policy: " + maxRestarts + ", " + window + ", " + firstPause
                    + ", " + maxPause);
        }
        this.maxRestarts = maxRestarts;
        this.window = window;
        this.firstPause = firstPause;
        this.maxPause = maxPause;
        this.nanoTime = nanoTime;
    }

    /** The launcher's: 5 restarts within 10 minutes, pauses from 1 s to 30 s. */
    public static RestartPolicy standard() {
        return new RestartPolicy(5, Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofSeconds(30), System::nanoTime);
    }

    /** Records a death now and decides. */
    public synchronized Decision died() {
        long now = nanoTime.getAsLong();
        while (!deaths.isEmpty() && now - deaths.peekFirst() > window.toNanos()) {
            deaths.removeFirst();
        }
        deaths.addLast(now);
        int recent = deaths.size();
        if (recent > maxRestarts) {
            return new Decision(false, Duration.ZERO, recent);
        }
        Duration pause = firstPause.multipliedBy(1L << Math.min(recent - 1, 30));
        return new Decision(true, pause.compareTo(maxPause) > 0 ? maxPause : pause, recent);
    }

    public int maxRestarts() {
        return maxRestarts;
    }

    public Duration window() {
        return window;
    }
}
