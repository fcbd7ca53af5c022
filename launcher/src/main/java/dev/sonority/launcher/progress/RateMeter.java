package dev.sonority.launcher.progress;

import java.util.ArrayDeque;

/** Items per second over a sliding window of recent samples (so a pause or a burst fades out). */
public final class RateMeter {

    private record Sample(long nanos, long done) {
    }

    private final long windowNanos;
    private final ArrayDeque<Sample> samples = new ArrayDeque<>();

    public RateMeter(java.time.Duration window) {
        this.windowNanos = window.toNanos();
    }

    /** Records that {@code done} items were processed at time {@code nanos} (any monotonic clock); -1 is ignored. */
    public void record(long nanos, long done) {
        if (done < 0) {
            return;
        }
        if (!samples.isEmpty() && done < samples.peekLast().done()) {
            samples.clear(); // a new task, or a restarted count
        }
        samples.addLast(new Sample(nanos, done));
        while (samples.size() > 2 && nanos - samples.peekFirst().nanos() > windowNanos) {
            samples.removeFirst();
        }
    }

    /** NaN until two samples at least half a second apart exist. */
    public double perSecond() {
        if (samples.size() < 2) {
            return Double.NaN;
        }
        Sample first = samples.peekFirst();
        Sample last = samples.peekLast();
        long elapsed = last.nanos() - first.nanos();
        return elapsed < 500_000_000L ? Double.NaN : (last.done() - first.done()) / (elapsed / 1e9);
    }
}
