package dev.sonority.inference.download;

import java.time.Duration;

/**
 * Interrupts a reading thread when no byte arrived for {@code timeout}: HttpClient's own timeout covers only the
 * response headers, and a stalled body would otherwise block the download forever. A virtual thread per transfer.
 */
final class StallWatchdog implements AutoCloseable {
    private final Duration timeout;
    private final Thread reader;
    private final Thread thread;
    private volatile long lastProgress = System.nanoTime();
    private volatile boolean fired;
    private volatile boolean closed;

    StallWatchdog(Thread reader, Duration timeout) {
        this.reader = reader;
        this.timeout = timeout;
        this.thread = Thread.ofVirtual().name("download-watchdog").start(this::watch);
    }

    private void watch() {
        long tick = Math.max(50, Math.min(1000, timeout.toMillis() / 4));
        while (!closed) {
            try {
                Thread.sleep(tick);
            } catch (InterruptedException e) {
                return;
            }
            if (!closed && System.nanoTime() - lastProgress > timeout.toNanos()) {
                fired = true;
                reader.interrupt();
                return;
            }
        }
    }

    Duration timeout() {
        return timeout;
    }

    void progressed() {
        lastProgress = System.nanoTime();
    }

    boolean fired() {
        return fired;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
