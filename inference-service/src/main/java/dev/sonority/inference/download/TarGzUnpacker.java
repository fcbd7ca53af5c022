package dev.sonority.inference.download;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Unpacks a downloaded {@code .tar.gz} (MuQ-MuLan's tokenizer) into a folder. An archive comes from the network,
 * so it is distrusted: only plain files and folders are written, every member must stay inside the folder (no
 * absolute names, no {@code ..}), and links are refused, since a link could point a later member outside it.
 * A refused archive leaves nothing behind.
 */
final class TarGzUnpacker {

    private TarGzUnpacker() {
    }

    /** Unpacks {@code archive} into {@code folder}, which must not exist yet. */
    static void unpack(Path archive, Path folder, String label) {
        try {
            Files.createDirectories(folder);
            try (InputStream file = new BufferedInputStream(Files.newInputStream(archive));
                    TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
                for (TarArchiveEntry member; (member = tar.getNextEntry()) != null; ) {
                    if (!plain(member)) {
                        throw new DownloadException(label + " holds '" + member.getName() + "', which is not a plain"
                                + " file or folder (a link or device); nothing was unpacked.");
                    }
                    Path target = inside(folder, member, label);
                    if (member.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(tar, target);
                    }
                }
            }
        } catch (IOException e) {
            deleteQuietly(folder);
            throw new DownloadException("Cannot unpack " + label + ": " + e.getMessage()
                    + "; nothing was unpacked.", e);
        } catch (DownloadException e) {
            deleteQuietly(folder);
            throw e;
        }
    }

    /** commons-compress counts links as files ({@code isFile()}), so they are ruled out first. */
    private static boolean plain(TarArchiveEntry member) {
        return !member.isSymbolicLink() && !member.isLink() && !member.isCharacterDevice() && !member.isBlockDevice()
                && !member.isFIFO() && (member.isDirectory() || member.isFile());
    }

    private static Path inside(Path folder, TarArchiveEntry member, String label) {
        String name = member.getName();
        Path target = folder.resolve(name).normalize();
        if (name.startsWith("/") || name.contains("\\") || !target.startsWith(folder) || target.equals(folder)
                && !member.isDirectory()) {
            throw new DownloadException(label + " holds '" + name + "', which would land outside the folder it is"
                    + " unpacked into; the archive was refused and nothing was unpacked.");
        }
        return target;
    }

    /** Removes a folder tree (a failed or replaced unpack). */
    static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort: a leftover staging folder is replaced on the next attempt
                }
            });
        } catch (IOException e) {
            // as above
        }
    }
}
