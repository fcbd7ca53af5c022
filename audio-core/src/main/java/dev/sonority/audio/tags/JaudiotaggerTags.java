package dev.sonority.audio.tags;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.audio.AudioHeader;
import org.jaudiotagger.audio.SupportedFileFormat;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;
import org.jaudiotagger.tag.wav.WavTag;
import org.jspecify.annotations.Nullable;

/** Reads tags and header with jaudiotagger, which knows MP3, FLAC, Ogg Vorbis, MP4/M4A, WAV, AIFF, WMA and DSF. */
final class JaudiotaggerTags {

    static {
        JaudiotaggerLogging.silence();
    }

    /** Extensions jaudiotagger has a reader for; others go straight to FFmpeg instead of through an exception. */
    private static final Set<String> EXTENSIONS = Arrays.stream(SupportedFileFormat.values())
            .map(f -> f.getFilesuffix().toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());

    private JaudiotaggerTags() {}

    /** True when jaudiotagger has a reader for the file's extension. */
    static boolean supports(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot >= 0 && EXTENSIONS.contains(name.substring(dot + 1));
    }

    /** Reads the file; any exception means jaudiotagger cannot handle it (the caller falls back to FFmpeg). */
    static TrackTags read(Path file) throws Exception {
        AudioFile audio = AudioFileIO.read(new File(file.toString()));
        Tag tag = audio.getTag();
        AudioHeader header = audio.getAudioHeader();
        return new TrackTags(
                field(tag, FieldKey.TITLE),
                field(tag, FieldKey.ARTIST),
                field(tag, FieldKey.ALBUM),
                field(tag, FieldKey.ALBUM_ARTIST),
                TagValues.genre(field(tag, FieldKey.GENRE)),
                TagValues.year(field(tag, FieldKey.YEAR)),
                TagValues.trackNumber(field(tag, FieldKey.TRACK)),
                header == null || header.getPreciseTrackLength() <= 0 ? null : header.getPreciseTrackLength(),
                header == null || header.getBitRateAsNumber() <= 0 ? null : Math.toIntExact(header.getBitRateAsNumber() * 1000),
                header == null || header.getSampleRateAsNumber() <= 0 ? null : header.getSampleRateAsNumber(),
                header == null ? null : channels(header.getChannels()),
                header == null ? null : TagValues.text(header.getFormat()),
                header == null ? null : TagValues.text(header.getEncodingType()),
                TagSource.JAUDIOTAGGER);
    }

    /**
     * One field's text; formats that lack a field (RIFF INFO has no album artist) throw, which means absent. A WAV
     * may carry both an ID3 chunk and a RIFF INFO list, one of them empty (jaudiotagger itself writes both): each
     * field is taken from whichever has it, ID3 first.
     */
    private static @Nullable String field(@Nullable Tag tag, FieldKey key) {
        if (tag instanceof WavTag wav) {
            String fromId3 = wav.isExistingId3Tag() ? field(wav.getID3Tag(), key) : null;
            return fromId3 != null || !wav.isExistingInfoTag() ? fromId3 : field(wav.getInfoTag(), key);
        }
        if (tag == null) {
            return null;
        }
        try {
            return TagValues.text(tag.getFirst(key));
        } catch (RuntimeException unsupportedField) {
            return null;
        }
    }

    /** jaudiotagger reports channels as "Mono", "Stereo", "Joint Stereo", "Dual Channel" or a number. */
    static @Nullable Integer channels(@Nullable String raw) {
        String value = TagValues.text(raw);
        if (value == null) {
            return null;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.contains("mono")) {
            return 1;
        }
        if (lower.contains("stereo") || lower.contains("dual")) {
            return 2;
        }
        Integer number = TagValues.trackNumber(value);
        return number;
    }
}
