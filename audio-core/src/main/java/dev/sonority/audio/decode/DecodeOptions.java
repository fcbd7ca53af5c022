package dev.sonority.audio.decode;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How to decode a file.
 *
 * <p>When the source is longer than {@code maxDuration}, only a window of {@code maxDuration} centred in the
 * source is decoded (the middle of a track represents it better than an intro or a fade-out, and seeking there
 * costs nothing): the window starts at {@code (sourceDuration - maxDuration) / 2}. Shorter sources are decoded
 * whole. When the source does not declare its length, the first {@code maxDuration} is decoded.
 *
 * @param targetSampleRate output rate in Hz (8 000 to 384 000), or {@link #SOURCE_RATE} to keep the source's
 * @param maxDuration longest portion to decode, or null for the whole file
 * @param timeout wall-clock limit for opening and decoding the file; past it the decode stops with
 *     {@link DecodeFailure#TIMED_OUT}
 */
public record DecodeOptions(int targetSampleRate, @Nullable Duration maxDuration, Duration timeout) {

    /** {@link #targetSampleRate()} value that keeps the source's own sample rate (no resampling). */
    public static final int SOURCE_RATE = 0;

    /** Default {@link #timeout()}, the same as the project's {@code DECODE_TIMEOUT} default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    public DecodeOptions {
        Objects.requireNonNull(timeout, "timeout");
        if (targetSampleRate != SOURCE_RATE && (targetSampleRate < 8_000 || targetSampleRate > 384_000)) {
            throw new IllegalArgumentException("targetSampleRate must be 8000..384000 Hz or SOURCE_RATE, was " + targetSampleRate);
        }
        if (maxDuration != null && (maxDuration.isNegative() || maxDuration.isZero())) {
            throw new IllegalArgumentException("maxDuration must be positive, was " + maxDuration);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
    }

    /** The whole file at {@code targetSampleRate} Hz with the default timeout. */
    public static DecodeOptions of(int targetSampleRate) {
        return new DecodeOptions(targetSampleRate, null, DEFAULT_TIMEOUT);
    }

    /** At most {@code maxDuration} (a centred window of longer files) at {@code targetSampleRate} Hz. */
    public static DecodeOptions window(int targetSampleRate, Duration maxDuration) {
        return new DecodeOptions(targetSampleRate, maxDuration, DEFAULT_TIMEOUT);
    }

    /** The whole file at its own sample rate (downmixed to mono, not resampled). */
    public static DecodeOptions sourceRate() {
        return new DecodeOptions(SOURCE_RATE, null, DEFAULT_TIMEOUT);
    }

    public DecodeOptions withTimeout(Duration newTimeout) {
        return new DecodeOptions(targetSampleRate, maxDuration, newTimeout);
    }

    public DecodeOptions withMaxDuration(@Nullable Duration newMaxDuration) {
        return new DecodeOptions(targetSampleRate, newMaxDuration, timeout);
    }
}
