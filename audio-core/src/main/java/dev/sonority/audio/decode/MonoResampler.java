package dev.sonority.audio.decode;

import static org.bytedeco.ffmpeg.global.avutil.AV_CHANNEL_ORDER_UNSPEC;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_compare;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_copy;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_uninit;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_set_double;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_set_int;
import static org.bytedeco.ffmpeg.global.swresample.SWR_FILTER_TYPE_KAISER;
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc_set_opts2;
import static org.bytedeco.ffmpeg.global.swresample.swr_convert;
import static org.bytedeco.ffmpeg.global.swresample.swr_free;
import static org.bytedeco.ffmpeg.global.swresample.swr_get_out_samples;
import static org.bytedeco.ffmpeg.global.swresample.swr_init;

import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Downmixes decoded frames to mono and resamples them to the target rate with libswresample, handing the
 * result to a {@link PcmConsumer} in blocks of at most {@link AudioDecoder#STREAM_BLOCK_SAMPLES}.
 *
 * <p>The bytedeco FFmpeg build has no libsoxr, so this uses swresample's own polyphase windowed-sinc filter:
 * {@value #FILTER_SIZE} taps per phase, 2^{@value #PHASE_SHIFT} phases with linear interpolation between
 * them, a Kaiser window with beta {@value #KAISER_BETA} and the cutoff at {@value #CUTOFF} of the lower
 * Nyquist frequency (about 100 dB stop-band attenuation; FFmpeg's documented defaults, stated here so a
 * library upgrade cannot change them silently). Downmixing uses swresample's rematrix, which follows ITU-R
 * BS.775 (fronts into the centre at -3 dB, surrounds at -6 dB, LFE dropped), with the matrix scaled so its
 * coefficients sum to 1: stereo becomes (L + R) / 2 and mono never clips. It
 * rematrixes before resampling when that means fewer channels to filter. A change of input format mid-stream
 * (a chained Ogg, a radio rip) re-creates the context.
 */
final class MonoResampler implements AutoCloseable {

    static final int FILTER_SIZE = 32;
    static final int PHASE_SHIFT = 10;
    static final double CUTOFF = 0.97;
    static final double KAISER_BETA = 9;

    private final int targetRate;
    private final float[] block = new float[AudioDecoder.STREAM_BLOCK_SAMPLES];
    /** The layout frames arrive with, to notice a change; may be of unspecified order. */
    private final AVChannelLayout frameLayout = new AVChannelLayout();
    /** The layout swresample is told, with an unspecified order replaced by the default for the channel count. */
    private final AVChannelLayout inputLayout = new AVChannelLayout();
    private final AVChannelLayout monoLayout = new AVChannelLayout();
    private final PointerPointer<FloatPointer> outputPlanes = new PointerPointer<>(1);
    private FloatPointer output = new FloatPointer(AudioDecoder.STREAM_BLOCK_SAMPLES);
    private int outputCapacity = AudioDecoder.STREAM_BLOCK_SAMPLES;
    private SwrContext swr;
    private int inputRate;
    private int inputFormat = -1;
    private int outputRate;

    /** @param targetRate output rate in Hz, or {@link DecodeOptions#SOURCE_RATE} for the input's own rate */
    MonoResampler(int targetRate) {
        this.targetRate = targetRate;
        av_channel_layout_default(monoLayout, 1);
        outputPlanes.put(0, output);
    }

    /** Output rate in Hz; known after the first frame. */
    int outputRate() {
        return outputRate;
    }

    /**
     * Converts one decoded frame and passes the result on.
     *
     * @return false once the consumer asked to stop
     */
    boolean convert(AVFrame frame, PcmConsumer consumer) throws AudioDecodeException {
        if (swr == null || frame.sample_rate() != inputRate || frame.format() != inputFormat
                || av_channel_layout_compare(frame.ch_layout(), frameLayout) != 0) {
            if (swr != null && !flush(consumer)) {
                return false;
            }
            configure(frame);
        }
        ensureCapacity(swr_get_out_samples(swr, frame.nb_samples()));
        int produced = swr_convert(swr, outputPlanes, outputCapacity, frame.extended_data(), frame.nb_samples());
        if (produced < 0) {
            throw new AudioDecodeException(DecodeFailure.UNREADABLE,
                    "resampling failed: " + FfmpegErrors.describe(produced), null);
        }
        return deliver(produced, consumer);
    }

    /** Drains the samples still held in the filter's delay line at the end of the stream. */
    boolean flush(PcmConsumer consumer) {
        if (swr == null) {
            return true;
        }
        int produced;
        while ((produced = swr_convert(swr, outputPlanes, outputCapacity, (PointerPointer<?>) null, 0)) > 0) {
            if (!deliver(produced, consumer)) {
                return false;
            }
        }
        return true;
    }

    private void configure(AVFrame frame) throws AudioDecodeException {
        close();
        inputRate = frame.sample_rate();
        inputFormat = frame.format();
        outputRate = targetRate == DecodeOptions.SOURCE_RATE ? inputRate : targetRate;
        av_channel_layout_uninit(frameLayout);
        av_channel_layout_copy(frameLayout, frame.ch_layout());
        av_channel_layout_uninit(inputLayout);
        if (frame.ch_layout().order() == AV_CHANNEL_ORDER_UNSPEC) {
            // e.g. WAV without a channel mask: assume the standard layout for that many channels
            av_channel_layout_default(inputLayout, frame.ch_layout().nb_channels());
        } else {
            av_channel_layout_copy(inputLayout, frame.ch_layout());
        }
        SwrContext context = new SwrContext(null);
        int error = swr_alloc_set_opts2(context, monoLayout, AV_SAMPLE_FMT_FLT, outputRate,
                inputLayout, inputFormat, inputRate, 0, null);
        if (error >= 0) {
            av_opt_set_int(context, "filter_size", FILTER_SIZE, 0);
            av_opt_set_int(context, "phase_shift", PHASE_SHIFT, 0);
            av_opt_set_int(context, "linear_interp", 1, 0);
            av_opt_set_double(context, "cutoff", CUTOFF, 0);
            av_opt_set_int(context, "filter_type", SWR_FILTER_TYPE_KAISER, 0);
            av_opt_set_int(context, "kaiser_beta", (long) KAISER_BETA, 0);
            // for float output swresample does not normalise the downmix by default (stereo would sum to
            // 0.707 L + 0.707 R, 5.1 to 3.4 times full scale); a maximum of 1 scales the matrix to sum 1
            av_opt_set_double(context, "rematrix_maxval", 1.0, 0);
            error = swr_init(context);
        }
        if (error < 0) {
            swr_free(context);
            throw new AudioDecodeException(DecodeFailure.UNSUPPORTED, "cannot convert " + inputLayout.nb_channels()
                    + " channels at " + inputRate + " Hz to mono: " + FfmpegErrors.describe(error), null);
        }
        swr = context;
    }

    private void ensureCapacity(int samples) {
        if (samples > outputCapacity) {
            output.close();
            outputCapacity = Math.max(samples, outputCapacity * 2);
            output = new FloatPointer(outputCapacity);
            outputPlanes.put(0, output);
        }
    }

    private boolean deliver(int produced, PcmConsumer consumer) {
        for (int offset = 0; offset < produced; offset += block.length) {
            int length = Math.min(block.length, produced - offset);
            output.position(offset).get(block, 0, length);
            output.position(0);
            if (!consumer.accept(block, length)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        if (swr != null) {
            swr_free(swr);
            swr = null;
        }
    }

    /** Frees the native buffers too; the resampler cannot be used afterwards. */
    void release() {
        close();
        av_channel_layout_uninit(frameLayout);
        av_channel_layout_uninit(inputLayout);
        av_channel_layout_uninit(monoLayout);
        output.close();
        outputPlanes.close();
        frameLayout.close();
        inputLayout.close();
        monoLayout.close();
    }
}
