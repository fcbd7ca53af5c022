package dev.sonority.audio.decode;

import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EXIT;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_INVALIDDATA;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.nio.charset.StandardCharsets;

/** Turns FFmpeg's negative error codes into our failure reasons and readable text. */
final class FfmpegErrors {

    private static final int ENOENT = 2;
    private static final int EACCES = 13;
    private static final int EISDIR = 21;

    private FfmpegErrors() {}

    /** The reason for a failure to open a file as a media container. */
    static DecodeFailure classifyOpen(int error) {
        if (error == AVERROR_EXIT) {
            return DecodeFailure.TIMED_OUT;
        }
        if (error == AVERROR_INVALIDDATA || error == AVERROR_EOF) {
            return DecodeFailure.NOT_AUDIO;
        }
        if (error == -ENOENT) {
            return DecodeFailure.NOT_FOUND;
        }
        return DecodeFailure.UNREADABLE;
    }

    /** FFmpeg's own description of an error code, e.g. "Invalid data found when processing input". */
    static String describe(int error) {
        if (error == -EACCES) {
            return "permission denied";
        }
        if (error == -EISDIR) {
            return "is a directory";
        }
        byte[] buffer = new byte[256];
        if (av_strerror(error, buffer, buffer.length) < 0) {
            return "FFmpeg error " + error;
        }
        int end = 0;
        while (end < buffer.length && buffer[end] != 0) {
            end++;
        }
        return new String(buffer, 0, end, StandardCharsets.UTF_8);
    }
}
