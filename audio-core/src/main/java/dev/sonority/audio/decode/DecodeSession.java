package dev.sonority.audio.decode;

import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_seek_file;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EXIT;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;

import java.nio.file.Path;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * One decode of one file: opens it, seeks to the window, runs the read-decode-resample loop until the window
 * is full, the stream ends, the consumer stops or the deadline passes, and then decides whether the file was
 * truncated.
 */
final class DecodeSession {

    /** A file may end this much before its declared length without being called truncated (encoder padding). */
    private static final double TRUNCATION_TOLERANCE_SECONDS = 0.5;
    private static final double TRUNCATION_TOLERANCE_FRACTION = 0.02;

    private final Path path;
    private final DecodeOptions options;

    DecodeSession(Path path, DecodeOptions options) {
        this.path = path;
        this.options = options;
    }

    /** The outcome of a completed run. */
    record Result(SourceInfo source, double startSeconds, int sampleRate, long samples) {}

    /** Called once the file is open, before the first sample: lets a caller size its buffers. */
    interface OpenListener {
        void opened(SourceInfo source, int outputRate);
    }

    Result run(PcmConsumer consumer, OpenListener listener) throws AudioDecodeException {
        try (DecodeDeadline deadline = new DecodeDeadline(options.timeout());
                InputFile input = InputFile.open(path, deadline);
                PacketDecoder decoder = PacketDecoder.open(input)) {
            MonoResampler resampler = new MonoResampler(options.targetSampleRate());
            try {
                int outputRate = options.targetSampleRate() == DecodeOptions.SOURCE_RATE
                        ? input.info().sampleRate() : options.targetSampleRate();
                listener.opened(input.info(), outputRate);
                return decode(input, decoder, resampler, deadline, consumer, outputRate);
            } finally {
                resampler.release();
            }
        }
    }

    private Result decode(InputFile input, PacketDecoder decoder, MonoResampler resampler, DecodeDeadline deadline,
            PcmConsumer consumer, int outputRate) throws AudioDecodeException {
        double declared = input.info().durationSeconds();
        double maxSeconds = options.maxDuration() == null ? Double.POSITIVE_INFINITY
                : options.maxDuration().toNanos() / 1e9;
        double windowStart = declared > maxSeconds ? (declared - maxSeconds) / 2 : 0;
        long limit = Double.isInfinite(maxSeconds) ? Long.MAX_VALUE : Math.round(maxSeconds * outputRate);
        SampleWindow window = new SampleWindow(consumer, limit);
        if (windowStart > 0) {
            avformat_seek_file(input.format(), -1, Long.MIN_VALUE, (long) (windowStart * AV_TIME_BASE),
                    (long) (windowStart * AV_TIME_BASE), 0); // on failure we decode from the start and skip
        }
        AVRational timeBase = input.stream().time_base();
        long startTime = input.stream().start_time();
        boolean[] positioned = {windowStart == 0};
        PacketDecoder.FrameHandler onFrame = frame -> {
            if (!positioned[0]) {
                window.skip(samplesBeforeWindow(frame, timeBase, startTime, windowStart, outputRate));
                positioned[0] = true;
            }
            return resampler.convert(frame, window);
        };
        int streamIndex = input.stream().index();
        boolean more = true;
        while (more) {
            if (deadline.isExpired()) {
                throw timedOut();
            }
            int read = av_read_frame(input.format(), decoder.packet());
            if (read == AVERROR_EXIT) {
                throw timedOut();
            }
            if (read < 0) { // end of file, or a read error that ends the usable data
                break;
            }
            more = decoder.packet().stream_index() == streamIndex ? decoder.decodePacket(onFrame) : skip(decoder);
        }
        if (more && decoder.drain(onFrame)) {
            resampler.flush(window);
        }
        return finish(input, decoder, window, windowStart, maxSeconds, outputRate);
    }

    private static boolean skip(PacketDecoder decoder) {
        org.bytedeco.ffmpeg.global.avcodec.av_packet_unref(decoder.packet());
        return true;
    }

    /**
     * How many output samples of the first frame after the seek lie before the window. Timestamps count from the
     * stream's start time, not from the first sample a listener hears: an MP3 stream starts at its encoder delay
     * (LAME's 1 105 samples: 69 ms at 16 kHz), which a decode from the beginning trims, so without subtracting it the
     * window started that much early.
     */
    private static long samplesBeforeWindow(AVFrame frame, AVRational timeBase, long startTime, double windowStart,
            int outputRate) {
        long timestamp = frame.best_effort_timestamp();
        if (timestamp == AV_NOPTS_VALUE) {
            return 0;
        }
        long origin = startTime == AV_NOPTS_VALUE ? 0 : startTime;
        double frameStart = (timestamp - origin) * (double) timeBase.num() / timeBase.den();
        return Math.round((windowStart - frameStart) * outputRate);
    }

    private Result finish(InputFile input, PacketDecoder decoder, SampleWindow window, double windowStart,
            double maxSeconds, int outputRate) throws AudioDecodeException {
        long samples = window.delivered();
        if (samples == 0 && decoder.damagedPackets() > 0) {
            throw new AudioDecodeException(DecodeFailure.NOT_AUDIO, path, "no decodable audio ("
                    + decoder.damagedPackets() + " damaged " + input.info().codec() + " packets)");
        }
        if (!window.stoppedEarly()) {
            checkNotTruncated(input, windowStart, maxSeconds, windowStart + (double) samples / outputRate);
        }
        if (samples == 0) {
            throw new AudioDecodeException(DecodeFailure.EMPTY, path, "the file contains no audio samples");
        }
        SourceInfo source = input.info();
        if (source.durationSeconds() == 0 && windowStart == 0 && !window.stoppedEarly()) {
            source = source.withDurationSeconds((double) samples / outputRate);
        }
        return new Result(source, windowStart, outputRate, samples);
    }

    /** Compares where decoding ended with the length the header declares (not one guessed from the bitrate). */
    private void checkNotTruncated(InputFile input, double windowStart, double maxSeconds, double reachedSeconds)
            throws AudioDecodeException {
        double declared = InputFile.declaredDurationSeconds(input.format(), input.stream(), false);
        if (declared <= 0) {
            return;
        }
        double expectedEnd = Math.min(declared, windowStart + maxSeconds);
        double tolerance = Math.max(TRUNCATION_TOLERANCE_SECONDS, TRUNCATION_TOLERANCE_FRACTION * declared);
        if (expectedEnd - reachedSeconds > tolerance) {
            throw new AudioDecodeException(DecodeFailure.TRUNCATED, path, String.format(java.util.Locale.ROOT,
                    "the audio ends after %.1f s but the file declares %.1f s (cut short or damaged)",
                    reachedSeconds, declared));
        }
    }

    private AudioDecodeException timedOut() {
        if (Thread.currentThread().isInterrupted()) {
            return new AudioDecodeException(DecodeFailure.TIMED_OUT, path, "decoding was cancelled (thread interrupted)");
        }
        return new AudioDecodeException(DecodeFailure.TIMED_OUT, path,
                "decoding took longer than the " + options.timeout().toMillis() + " ms timeout");
    }
}
