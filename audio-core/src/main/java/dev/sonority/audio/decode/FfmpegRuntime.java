package dev.sonority.audio.decode;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swresample;
import org.bytedeco.javacpp.Loader;

/**
 * Loads FFmpeg's native libraries once per JVM and quietens FFmpeg's own logging, which otherwise writes
 * every damaged frame of every file to stderr. Set the system property {@value #LOG_LEVEL_PROPERTY} to an
 * {@code av_log} level (e.g. 16 for errors, 32 for info) to see it again while debugging.
 */
public final class FfmpegRuntime {

    /** System property holding the {@code av_log} level; FFmpeg is silent ({@code AV_LOG_QUIET}) by default. */
    public static final String LOG_LEVEL_PROPERTY = "sonority.ffmpeg.log-level";

    private static volatile boolean loaded;

    private FfmpegRuntime() {}

    /** Loads the libraries and sets the log level; cheap after the first call. */
    public static void ensureLoaded() {
        if (loaded) {
            return;
        }
        synchronized (FfmpegRuntime.class) {
            if (!loaded) {
                Loader.load(avutil.class);
                Loader.load(swresample.class);
                Loader.load(avcodec.class);
                Loader.load(avformat.class);
                av_log_set_level(Integer.getInteger(LOG_LEVEL_PROPERTY, AV_LOG_QUIET));
                loaded = true;
            }
        }
    }
}
