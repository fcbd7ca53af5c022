package dev.sonority.audio.tags;

import dev.sonority.audio.decode.AudioDecodeException;
import dev.sonority.audio.decode.AudioDecoder;
import dev.sonority.audio.decode.SourceInfo;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads a track's tags: with jaudiotagger first (it understands each tag format's details), and when
 * jaudiotagger cannot read the file (Opus, unknown extensions, files it finds damaged), from the container
 * metadata FFmpeg reports. {@link TrackTags#source()} says which. Thread-safe.
 */
public final class TagReader {

    private final AudioDecoder prober;

    /** A reader that probes with the FFmpeg decoder. */
    public TagReader() {
        this(AudioDecoder.ffmpeg());
    }

    /** A reader that probes with the given decoder when jaudiotagger fails. */
    public TagReader(AudioDecoder prober) {
        this.prober = prober;
    }

    /**
     * Reads the file's tags and header.
     *
     * @throws TagReadException when neither reader can use the file; {@link TagReadException#reason()} says why
     */
    public TrackTags read(Path file) throws TagReadException {
        Exception jaudiotaggerFailure = null;
        if (JaudiotaggerTags.supports(file)) {
            try {
                return JaudiotaggerTags.read(file);
            } catch (Exception e) { // jaudiotagger signals "cannot read" with half a dozen exception types
                jaudiotaggerFailure = e;
            }
        }
        try {
            return fromFfmpeg(prober.probe(file));
        } catch (AudioDecodeException e) {
            if (jaudiotaggerFailure != null) {
                e.addSuppressed(jaudiotaggerFailure);
            }
            throw new TagReadException(e.reason(), e.getMessage(), e);
        }
    }

    private static TrackTags fromFfmpeg(SourceInfo info) {
        Map<String, String> tags = info.containerTags();
        return new TrackTags(
                TagValues.text(tags.get("title")),
                TagValues.text(tags.get("artist")),
                TagValues.text(tags.get("album")),
                TagValues.text(tags.getOrDefault("album_artist", tags.get("albumartist"))),
                TagValues.genre(tags.get("genre")),
                TagValues.year(tags.getOrDefault("date", tags.get("year"))),
                TagValues.trackNumber(tags.getOrDefault("track", tags.get("tracknumber"))),
                info.durationSeconds() > 0 ? info.durationSeconds() : null,
                info.bitrate(),
                info.sampleRate(),
                info.channels(),
                info.format(),
                info.codec(),
                TagSource.FFMPEG);
    }
}
