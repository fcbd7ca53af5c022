package dev.sonority.worker.scan;

import java.util.Locale;
import java.util.Set;

/** The file extensions a scan treats as audio, compared case-insensitively ({@code .FLAC} counts). */
public final class AudioExtensions {

    public static final Set<String> ALL = Set.of("flac", "mp3", "ogg", "oga", "opus", "m4a", "mp4", "aac", "wav",
            "aif", "aiff", "wv", "ape", "dsf", "dff", "wma");

    private AudioExtensions() {
    }

    public static boolean isAudio(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 && dot < fileName.length() - 1
                && ALL.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
