package dev.sonority.audio.tags;

/** Which library produced a {@link TrackTags}. */
public enum TagSource {
    /** jaudiotagger read the file's own tag format (ID3, Vorbis comments, MP4 atoms, RIFF INFO, ...). */
    JAUDIOTAGGER,
    /** jaudiotagger could not read the file (e.g. Opus, or a format it does not know); FFmpeg's container metadata was used. */
    FFMPEG
}
