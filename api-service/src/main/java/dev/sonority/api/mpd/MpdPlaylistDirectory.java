package dev.sonority.api.mpd;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.springframework.stereotype.Component;

/**
 * Writes {@code NAME.m3u} into MPD's playlist directory ({@code MPD_PLAYLIST_DIR}), for an MPD this service cannot
 * reach over the network but shares a folder with. The file is written under a temporary name in the same folder,
 * flushed to disk and renamed over the old one, so MPD reads the old file or the new one, never a part.
 */
@Component
public class MpdPlaylistDirectory {

    /** The directory is missing or cannot be written. */
    public static class UnwritableException extends RuntimeException {
        UnwritableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final MpdProperties properties;

    public MpdPlaylistDirectory(MpdProperties properties) {
        this.properties = properties;
    }

    /**
     * Replaces {@code NAME.m3u} with {@code content}.
     *
     * @param name a playlist name already checked to hold no path separator, {@code ..} or control character
     * @return the file's name inside the directory
     */
    public String write(String name, String content) {
        Path dir = properties.directory().orElseThrow(() -> new IllegalStateException("MPD_PLAYLIST_DIR is not set"));
        if (!Files.isDirectory(dir)) {
            throw new UnwritableException("MPD_PLAYLIST_DIR " + dir + " is not a directory", null);
        }
        String fileName = name + ".m3u";
        Path target = dir.resolve(fileName).normalize();
        if (!dir.toAbsolutePath().normalize().equals(target.toAbsolutePath().getParent())) {
            throw new IllegalArgumentException("playlist name leaves the playlist directory: " + name);
        }
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, ".sonority-", ".m3u.tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            readableByOthers(temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new UnwritableException("MPD_PLAYLIST_DIR " + dir + " cannot replace files atomically", e);
            }
            temp = null;
            return fileName;
        } catch (IOException e) {
            throw new UnwritableException("Could not write " + fileName + " into MPD_PLAYLIST_DIR " + dir + ": "
                    + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** A temporary file is private (0600); MPD usually runs as another user and must read the playlist. */
    private static void readableByOthers(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // a leftover .sonority-*.m3u.tmp is ignored by MPD (not an .m3u)
            }
        }
    }
}
