package dev.sonority.audio.decode;

import java.nio.file.Path;

/**
 * Decodes audio files to mono float32 PCM. Implementations are thread-safe: several threads may decode
 * different files at the same time through one instance.
 */
public interface AudioDecoder {

    /** Largest block {@link #decodeStreaming} hands to its consumer, in samples. */
    int STREAM_BLOCK_SAMPLES = 8192;

    /** The FFmpeg (JavaCV) decoder. */
    static AudioDecoder ffmpeg() {
        return new FfmpegAudioDecoder();
    }

    /**
     * Decodes the whole file, or the window {@link DecodeOptions#maxDuration()} selects, into one array.
     *
     * @throws AudioDecodeException with the {@link DecodeFailure} that explains why the file cannot be used
     */
    DecodedAudio decode(Path file, DecodeOptions options) throws AudioDecodeException;

    /**
     * Decodes like {@link #decode} but hands the samples to {@code consumer} in blocks of at most
     * {@link #STREAM_BLOCK_SAMPLES}, so the heap used does not grow with the length of the file. A failure
     * found late (a truncated file, a timeout) is thrown after the consumer has seen earlier blocks, which it
     * must then discard.
     *
     * @return what the file declares about itself
     */
    SourceInfo decodeStreaming(Path file, DecodeOptions options, PcmConsumer consumer) throws AudioDecodeException;

    /** Reads the container and stream headers without decoding the audio. */
    SourceInfo probe(Path file) throws AudioDecodeException;
}
