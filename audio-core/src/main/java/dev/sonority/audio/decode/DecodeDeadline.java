package dev.sonority.audio.decode;

import java.time.Duration;
import org.bytedeco.ffmpeg.avformat.AVIOInterruptCB;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * The moment a decode must stop, checked both by our packet loop and by FFmpeg itself through its
 * {@code AVIOInterruptCB} (which it polls while opening, probing and reading, so a slow or stalled read stops
 * too). The deadline lives in native memory pointed to by the callback's {@code opaque}, so one shared native
 * callback serves every concurrent decode: JavaCPP can create only a few callback thunks per class.
 */
final class DecodeDeadline implements AutoCloseable {

    private static final AVIOInterruptCB.Callback_Pointer CALLBACK = new AVIOInterruptCB.Callback_Pointer() {
        @Override
        public int call(Pointer opaque) {
            long deadlineNanos = new LongPointer(opaque).get();
            return expired(deadlineNanos) ? 1 : 0;
        }
    };

    private final LongPointer nativeDeadline;
    private final long deadlineNanos;

    DecodeDeadline(Duration timeout) {
        long nanos = timeout.toNanos();
        this.deadlineNanos = System.nanoTime() + nanos;
        this.nativeDeadline = new LongPointer(1).put(deadlineNanos);
    }

    /** Points FFmpeg's interrupt callback of a format context at this deadline. */
    void install(AVIOInterruptCB interrupt) {
        interrupt.callback(CALLBACK);
        interrupt.opaque(nativeDeadline);
    }

    /** True once the deadline has passed or the calling thread was interrupted (a cancelled job). */
    boolean isExpired() {
        return expired(deadlineNanos);
    }

    private static boolean expired(long deadlineNanos) {
        return System.nanoTime() - deadlineNanos > 0 || Thread.currentThread().isInterrupted();
    }

    @Override
    public void close() {
        nativeDeadline.close();
    }
}
