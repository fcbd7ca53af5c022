package dev.sonority.audio.decode;

/** Why a file could not be decoded (or probed); each constant is a distinct cause a user can act on. */
public enum DecodeFailure {
    /** The path does not exist. */
    NOT_FOUND,
    /** The file has zero bytes, or a valid container with no audio samples in it. */
    EMPTY,
    /** The file ends before the length its header declares (cut short by a copy or download). */
    TRUNCATED,
    /** The file is not audio: text, an image, an unknown container, or a container with no audio stream. */
    NOT_AUDIO,
    /** An audio stream whose codec this FFmpeg build cannot decode. */
    UNSUPPORTED,
    /** Decoding took longer than the configured timeout, or the decoding thread was interrupted. */
    TIMED_OUT,
    /** Any other I/O or decoder error (permissions, a directory, corrupt data throughout). */
    UNREADABLE
}
