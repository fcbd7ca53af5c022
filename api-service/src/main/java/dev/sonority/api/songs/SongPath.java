package dev.sonority.api.songs;

import dev.sonority.api.web.PathSpellings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A song's public id taken from a URL, checked so that it can only name something inside the music root:
 * relative, forward slashes, no empty, {@code .} or {@code ..} segments, no backslash, no NUL. It is
 * checked after URL decoding, so {@code %2e%2e}, {@code %2F} and {@code %5C} are seen as what they are.
 * A path that fails the check is simply not a song (404): no file is ever looked at.
 *
 * <p>The stored path keeps the bytes found on disk (no Unicode normalisation), so a lookup tries the
 * path as given, then its NFC and NFD spellings ({@link #candidates()}).
 */
public final class SongPath {

    private final String value;

    private SongPath(String value) {
        this.value = value;
    }

    /**
     * Parses a decoded path as a {@code {*file_path}} capture delivers it (one leading {@code /}, which is
     * dropped). Empty when the path is not a safe relative song path.
     */
    public static Optional<SongPath> parse(String decoded) {
        if (decoded == null) {
            return Optional.empty();
        }
        String path = decoded.startsWith("/") ? decoded.substring(1) : decoded;
        if (path.isEmpty() || path.startsWith("/") || path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return Optional.empty();
            }
        }
        return Optional.of(new SongPath(path));
    }

    /** The path as given. */
    public String value() {
        return value;
    }

    /** The spellings to look up: as given, NFC, NFD (duplicates removed, in that order). */
    public List<String> candidates() {
        return PathSpellings.of(value);
    }

    /**
     * The file under {@code musicRoot}, for the code that does read files (the batch worker, uploads).
     * The segment check already excludes escapes; this re-checks the normalised result as a second guard.
     */
    public Path resolveUnder(Path musicRoot) {
        Path root = musicRoot.toAbsolutePath().normalize();
        Path file = root.resolve(value).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new IllegalStateException("song path escapes the music root: " + value);
        }
        return file;
    }

    @Override
    public String toString() {
        return value;
    }
}
