package dev.sonority.audio.decode;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@link AudioDecoder} on FFmpeg's libavformat, libavcodec and libswresample (through the bytedeco presets).
 * Stateless: every call opens its own native contexts and frees them before returning, so one instance can be
 * shared by any number of threads.
 */
final class FfmpegAudioDecoder implements AudioDecoder {

    /** Probing reads only headers; it gets a shorter fuse than a decode. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);

    FfmpegAudioDecoder() {
        FfmpegRuntime.ensureLoaded();
    }

    @Override
    public DecodedAudio decode(Path file, DecodeOptions options) throws AudioDecodeException {
        DecodeSession session = new DecodeSession(file, options);
        SampleAccumulator[] collector = new SampleAccumulator[1];
        DecodeSession.Result result = session.run((block, length) -> collector[0].accept(block, length),
                (source, rate) -> collector[0] = new SampleAccumulator(expectedSamples(source, rate, options)));
        return new DecodedAudio(collector[0].toArray(), result.sampleRate(), result.startSeconds(), result.source());
    }

    private static long expectedSamples(SourceInfo source, int rate, DecodeOptions options) {
        double seconds = source.durationSeconds() > 0 ? source.durationSeconds() : 60;
        if (options.maxDuration() != null) {
            seconds = Math.min(seconds, options.maxDuration().toNanos() / 1e9);
        }
        return (long) Math.ceil(seconds * rate);
    }

    @Override
    public SourceInfo decodeStreaming(Path file, DecodeOptions options, PcmConsumer consumer)
            throws AudioDecodeException {
        return new DecodeSession(file, options).run(consumer, (source, rate) -> {}).source();
    }

    @Override
    public SourceInfo probe(Path file) throws AudioDecodeException {
        try (DecodeDeadline deadline = new DecodeDeadline(PROBE_TIMEOUT);
                InputFile input = InputFile.open(file, deadline)) {
            return input.info();
        }
    }
}
