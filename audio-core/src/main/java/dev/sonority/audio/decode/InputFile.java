package dev.sonority.audio.decode;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_DURATION_FROM_BITRATE;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_ALL;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_iterate;
import static org.bytedeco.ffmpeg.global.avutil.av_get_media_type_string;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * An opened media file with its best audio stream chosen: the container half of a decode (and all of a probe).
 * Other streams (cover art, video) are discarded so the demuxer skips their packets.
 */
final class InputFile implements AutoCloseable {

    private final Path path;
    private final AVFormatContext format;
    private final AVStream stream;
    private final SourceInfo info;

    private InputFile(Path path, AVFormatContext format, AVStream stream, SourceInfo info) {
        this.path = path;
        this.format = format;
        this.stream = stream;
        this.info = info;
    }

    /** Opens {@code path}, reads its headers and picks its audio stream, or says precisely why it cannot. */
    static InputFile open(Path path, DecodeDeadline deadline) throws AudioDecodeException {
        checkFile(path);
        FfmpegRuntime.ensureLoaded();
        AVFormatContext format = avformat_alloc_context();
        deadline.install(format.interrupt_callback());
        int opened;
        try (BytePointer url = new BytePointer("file:" + path.toAbsolutePath(), StandardCharsets.UTF_8)) {
            opened = avformat_open_input(format, url, null, null);
        }
        if (opened < 0) { // FFmpeg has freed the context
            DecodeFailure reason = deadline.isExpired() ? DecodeFailure.TIMED_OUT : FfmpegErrors.classifyOpen(opened);
            throw new AudioDecodeException(reason, path, openFailureText(reason, opened));
        }
        try {
            int found = avformat_find_stream_info(format, (PointerPointer<?>) null);
            // an interrupted probe may return "success" with half-filled stream parameters
            DecodeFailure reason = deadline.isExpired() ? DecodeFailure.TIMED_OUT : FfmpegErrors.classifyOpen(found);
            if (found < 0 || reason == DecodeFailure.TIMED_OUT) {
                throw new AudioDecodeException(reason, path, openFailureText(reason, found));
            }
            ContainerEnd.checkNotTruncated(path, format.iformat().name().getString());
            AVStream stream = selectAudioStream(path, format);
            return new InputFile(path, format, stream, describe(path, format, stream));
        } catch (AudioDecodeException | RuntimeException e) {
            avformat_close_input(format);
            throw e;
        }
    }

    private static void checkFile(Path path) throws AudioDecodeException {
        if (!Files.exists(path)) {
            throw new AudioDecodeException(DecodeFailure.NOT_FOUND, path, "file not found: " + path);
        }
        if (!Files.isRegularFile(path)) { // a directory, or a FIFO that would block open() forever
            throw new AudioDecodeException(DecodeFailure.UNREADABLE, path, "not a regular file");
        }
        try {
            if (Files.size(path) == 0) {
                throw new AudioDecodeException(DecodeFailure.EMPTY, path, "the file is empty (0 bytes)");
            }
        } catch (IOException e) {
            throw new AudioDecodeException(DecodeFailure.UNREADABLE, path.getFileName() + ": " + e.getMessage(), e);
        }
        if (!Files.isReadable(path)) {
            throw new AudioDecodeException(DecodeFailure.UNREADABLE, path, "permission denied");
        }
    }

    private static String openFailureText(DecodeFailure reason, int error) {
        return switch (reason) {
            case NOT_AUDIO -> "not an audio file FFmpeg recognises (" + FfmpegErrors.describe(error) + ")";
            case TIMED_OUT -> "timed out while reading the file headers";
            default -> "cannot open: " + FfmpegErrors.describe(error);
        };
    }

    private static AVStream selectAudioStream(Path path, AVFormatContext format) throws AudioDecodeException {
        int index = av_find_best_stream(format, AVMEDIA_TYPE_AUDIO, -1, -1, (PointerPointer<?>) null, 0);
        if (index < 0 && hasAudioStream(format)) { // FFmpeg skips audio streams whose parameters it never found
            throw new AudioDecodeException(DecodeFailure.NOT_AUDIO, path, "no valid audio frames found (the "
                    + format.iformat().name().getString() + " demuxer accepted the file, but it is damaged or not audio)");
        }
        if (index < 0) {
            throw new AudioDecodeException(DecodeFailure.NOT_AUDIO, path,
                    "contains no audio stream (" + describeStreams(format) + ")");
        }
        for (int i = 0; i < format.nb_streams(); i++) {
            if (i != index) {
                format.streams(i).discard(AVDISCARD_ALL);
            }
        }
        return format.streams(index);
    }

    private static boolean hasAudioStream(AVFormatContext format) {
        for (int i = 0; i < format.nb_streams(); i++) {
            if (format.streams(i).codecpar().codec_type() == AVMEDIA_TYPE_AUDIO) {
                return true;
            }
        }
        return false;
    }

    private static String describeStreams(AVFormatContext format) {
        if (format.nb_streams() == 0) {
            return "no streams at all, container " + format.iformat().name().getString();
        }
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < format.nb_streams(); i++) {
            AVCodecParameters p = format.streams(i).codecpar();
            BytePointer type = av_get_media_type_string(p.codec_type());
            kinds.add((type == null ? "unknown" : type.getString()) + "/" + avcodec_get_name(p.codec_id()).getString());
        }
        return "found " + String.join(", ", kinds);
    }

    private static SourceInfo describe(Path path, AVFormatContext format, AVStream stream) {
        AVCodecParameters p = stream.codecpar();
        long bitrate = format.bit_rate() > 0 ? format.bit_rate() : p.bit_rate();
        Map<String, String> tags = new TreeMap<>();
        copyTags(stream.metadata(), tags);
        copyTags(format.metadata(), tags); // container tags win over stream tags of the same name
        return new SourceInfo(
                declaredDurationSeconds(format, stream, true),
                formatName(path, format.iformat().name().getString()),
                avcodec_get_name(p.codec_id()).getString(),
                p.sample_rate(),
                p.ch_layout().nb_channels(),
                bitrate > 0 && bitrate <= Integer.MAX_VALUE ? (int) bitrate : null,
                tags);
    }

    /**
     * The duration the file declares, or 0 when unknown. With {@code includeEstimates} false, a duration FFmpeg
     * only guessed from the bitrate (a VBR MP3 without a Xing header) counts as unknown.
     */
    static double declaredDurationSeconds(AVFormatContext format, AVStream stream, boolean includeEstimates) {
        if (!includeEstimates && format.duration_estimation_method() == AVFMT_DURATION_FROM_BITRATE) {
            return 0;
        }
        if (format.duration() != AV_NOPTS_VALUE && format.duration() > 0) {
            return (double) format.duration() / AV_TIME_BASE;
        }
        if (stream.duration() != AV_NOPTS_VALUE && stream.duration() > 0) {
            return stream.duration() * stream.time_base().num() / (double) stream.time_base().den();
        }
        return 0;
    }

    /** FFmpeg names some demuxers by a list ("mov,mp4,m4a,3gp,3g2,mj2"): prefer the entry matching the extension. */
    private static String formatName(Path path, String demuxerNames) {
        String fileName = path.getFileName().toString().toLowerCase(Locale.ROOT);
        String extension = fileName.substring(fileName.lastIndexOf('.') + 1);
        String[] names = demuxerNames.split(",");
        for (String name : names) {
            if (name.equals(extension)) {
                return name;
            }
        }
        return names[0];
    }

    private static void copyTags(AVDictionary dictionary, Map<String, String> into) {
        AVDictionaryEntry entry = null;
        while ((entry = av_dict_iterate(dictionary, entry)) != null) {
            into.put(entry.key().getString(StandardCharsets.UTF_8).toLowerCase(Locale.ROOT),
                    entry.value().getString(StandardCharsets.UTF_8));
        }
    }

    Path path() {
        return path;
    }

    AVFormatContext format() {
        return format;
    }

    AVStream stream() {
        return stream;
    }

    SourceInfo info() {
        return info;
    }

    @Override
    public void close() {
        avformat_close_input(format);
    }
}
