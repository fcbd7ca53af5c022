package dev.sonority.audio.decode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Detects truncation in containers whose length FFmpeg takes from the bytes actually present, so that a file
 * cut in half would otherwise decode as a shorter file without complaint. (MP3 with a Xing/Info header, FLAC,
 * MP4 and AIFF declare their length in a header, which the decode loop compares with what it decoded.)
 * <ul>
 *   <li>WAV: the RIFF header says {@code RIFF <size> WAVE}, where {@code size + 8} is the whole file's length.</li>
 *   <li>Ogg (Vorbis, Opus, FLAC-in-Ogg): every logical stream ends with a page flagged end-of-stream
 *       (RFC 3533 §6, header type bit 0x04); a cut file's last page lacks it.</li>
 * </ul>
 */
final class ContainerEnd {

    /** Writers that stream a WAV of unknown length put 0 or a value near 2^32 in the size field. */
    private static final long UNKNOWN_RIFF_SIZE_FLOOR = 0xFFFF_F000L;
    /** An Ogg page is at most 65 307 bytes, so the last page header lies in this tail. */
    private static final int OGG_TAIL_BYTES = 65_536 + 27;
    private static final int OGG_EOS_FLAG = 0x04;

    private ContainerEnd() {}

    static void checkNotTruncated(Path path, String demuxer) throws AudioDecodeException {
        try (FileChannel channel = FileChannel.open(path)) {
            switch (demuxer) {
                case "wav" -> checkRiff(path, channel);
                case "ogg" -> checkOgg(path, channel);
                default -> { }
            }
        } catch (IOException e) {
            throw new AudioDecodeException(DecodeFailure.UNREADABLE, path.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static void checkRiff(Path path, FileChannel channel) throws IOException, AudioDecodeException {
        ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        if (channel.read(header, 0) < 12 || header.getInt(0) != 0x4646_4952 /* "RIFF" */) {
            return; // RF64 and friends: nothing to compare
        }
        long declared = Integer.toUnsignedLong(header.getInt(4)) + 8;
        long actual = channel.size();
        if (declared > 8 && declared < UNKNOWN_RIFF_SIZE_FLOOR && actual + 1 < declared) { // +1: odd-size pad byte
            throw new AudioDecodeException(DecodeFailure.TRUNCATED, path, "the file has " + actual
                    + " bytes but its WAV header declares " + declared + " (cut short)");
        }
    }

    private static void checkOgg(Path path, FileChannel channel) throws IOException, AudioDecodeException {
        long size = channel.size();
        int length = (int) Math.min(size, OGG_TAIL_BYTES);
        ByteBuffer tail = ByteBuffer.allocate(length);
        channel.read(tail, size - length);
        byte[] bytes = tail.array();
        for (int i = length - 27; i >= 0; i--) {
            if (bytes[i] == 'O' && bytes[i + 1] == 'g' && bytes[i + 2] == 'g' && bytes[i + 3] == 'S' && bytes[i + 4] == 0) {
                if ((bytes[i + 5] & OGG_EOS_FLAG) == 0) {
                    throw new AudioDecodeException(DecodeFailure.TRUNCATED, path,
                            "the Ogg stream stops without its end-of-stream page (cut short)");
                }
                return;
            }
        }
    }
}
