package dev.sonority.audio.decode;

/**
 * Mono float32 PCM decoded from a file.
 *
 * @param samples mono samples in [-1, 1] (not copied: the caller owns the array)
 * @param sampleRate rate of {@code samples} in Hz
 * @param startSeconds where in the source the samples begin: 0 for a whole file, the window start when
 *     {@link DecodeOptions#maxDuration()} selected a window from the middle of a longer file
 * @param source what the file declares about itself
 */
public record DecodedAudio(float[] samples, int sampleRate, double startSeconds, SourceInfo source) {

    /** Length of the decoded samples in seconds. */
    public double durationSeconds() {
        return (double) samples.length / sampleRate;
    }

    /** True when only a window of the source was decoded because it is longer than the maximum duration. */
    public boolean isWindow() {
        return durationSeconds() + 1.0 < source.durationSeconds();
    }
}
