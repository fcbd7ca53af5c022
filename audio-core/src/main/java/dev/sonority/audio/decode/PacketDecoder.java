package dev.sonority.audio.decode;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * The codec half of a decode: one single-threaded decoder context (parallelism comes from decoding several
 * files at once) with its reusable packet and frame.
 */
final class PacketDecoder implements AutoCloseable {

    /** Receives each decoded frame; returns false to stop. */
    interface FrameHandler {
        boolean onFrame(AVFrame frame) throws AudioDecodeException;
    }

    private final AVCodecContext context;
    private final AVPacket packet = av_packet_alloc();
    private final AVFrame frame = av_frame_alloc();
    private int damagedPackets;

    private PacketDecoder(AVCodecContext context) {
        this.context = context;
    }

    static PacketDecoder open(InputFile input) throws AudioDecodeException {
        AVStream stream = input.stream();
        int codecId = stream.codecpar().codec_id();
        AVCodec codec = avcodec_find_decoder(codecId);
        if (codec == null) {
            throw new AudioDecodeException(DecodeFailure.UNSUPPORTED, input.path(),
                    "the audio codec '" + avcodec_get_name(codecId).getString() + "' is not supported by this FFmpeg build");
        }
        AVCodecContext context = avcodec_alloc_context3(codec);
        avcodec_parameters_to_context(context, stream.codecpar());
        context.pkt_timebase(stream.time_base());
        context.thread_count(1);
        int opened = avcodec_open2(context, codec, (AVDictionary) null);
        if (opened < 0) {
            avcodec_free_context(context);
            throw new AudioDecodeException(DecodeFailure.UNSUPPORTED, input.path(), "cannot open the "
                    + codec.name().getString() + " decoder: " + FfmpegErrors.describe(opened));
        }
        return new PacketDecoder(context);
    }

    /** The packet buffer that {@code av_read_frame} fills. */
    AVPacket packet() {
        return packet;
    }

    /** Decodes the packet in {@link #packet()} (null-data packet = end of stream) and hands on every frame. */
    boolean decodePacket(FrameHandler handler) throws AudioDecodeException {
        int sent = avcodec_send_packet(context, packet);
        av_packet_unref(packet);
        if (sent < 0) {
            damagedPackets++; // a damaged packet: skip it as FFmpeg's own tools do
            return true;
        }
        return receiveFrames(handler);
    }

    /** Signals the end of the stream and hands on the frames the decoder still held. */
    boolean drain(FrameHandler handler) throws AudioDecodeException {
        avcodec_send_packet(context, null);
        return receiveFrames(handler);
    }

    private boolean receiveFrames(FrameHandler handler) throws AudioDecodeException {
        while (true) {
            int received = avcodec_receive_frame(context, frame);
            if (received < 0) { // EAGAIN (needs more input), EOF, or a damaged frame
                if (received != org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN()
                        && received != org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF) {
                    damagedPackets++;
                }
                return true;
            }
            boolean more = handler.onFrame(frame);
            av_frame_unref(frame);
            if (!more) {
                return false;
            }
        }
    }

    /** Packets or frames the codec rejected as damaged. */
    int damagedPackets() {
        return damagedPackets;
    }

    @Override
    public void close() {
        av_frame_free(frame);
        av_packet_free(packet);
        avcodec_free_context(context);
    }
}
