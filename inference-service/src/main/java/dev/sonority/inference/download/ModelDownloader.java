package dev.sonority.inference.download;

import dev.sonority.inference.models.InstallRecord;
import dev.sonority.inference.models.ModelManifest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Installs one manifest entry: every file is fetched to {@code <path>.part} (resumable), its sha256 checked
 * where the manifest publishes one (else computed and recorded as unverified), archives unpacked into a staging
 * folder, and only when all of that succeeded are the files and folders moved into place and the
 * {@link InstallRecord} written. A wrong checksum or a hostile archive installs nothing, so MODELS_DIR never
 * holds a half-updated model. Plain Java: no Spring, no state.
 */
public final class ModelDownloader {

    static final String PART_SUFFIX = ".part";
    /** {@code classpath:NAME}: a file shipped inside a jar on the class path (text_minilm's langchain4j jar). */
    static final String CLASSPATH = "classpath";

    private final HttpFileFetcher fetcher;

    ModelDownloader(HttpFileFetcher fetcher) {
        this.fetcher = fetcher;
    }

    /** JDK HttpClient following redirects (Hugging Face and GitHub answer downloads with 302 to a CDN). */
    public static ModelDownloader overHttp(Duration connectTimeout, Duration readTimeout, int attempts) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        return new ModelDownloader(new HttpFileFetcher(http, readTimeout, attempts));
    }

    /** Checks that every file has a usable URL, before anything is fetched (a missing sha256 is allowed). */
    public static void requireDownloadable(ModelManifest.Entry entry) {
        for (ModelManifest.ModelFile file : entry.files()) {
            if (file.url() == null || file.url().isBlank()) {
                throw new NotDownloadableException("Model '" + entry.name() + "' has no download URL for "
                        + file.path() + " in the manifest. " + entry.source());
            }
            String scheme = URI.create(file.url()).getScheme();
            if (!"http".equals(scheme) && !"https".equals(scheme) && !CLASSPATH.equals(scheme)) {
                throw new NotDownloadableException("Model '" + entry.name() + "': the URL of " + file.path()
                        + " is neither http(s) nor classpath: " + file.url());
            }
        }
    }

    /** @return how many files were fetched and installed (0 when every file was already in place and verified) */
    public int install(ModelManifest.Entry entry, Path root, DownloadProgress progress) {
        requireDownloadable(entry);
        createDirectories(root);
        Map<String, InstallRecord.RecordedFile> previous = InstallRecord.read(root, entry.name())
                .map(InstallRecord::files).orElse(Map.of());
        Map<String, InstallRecord.RecordedFile> recorded = new LinkedHashMap<>();
        List<ModelManifest.ModelFile> toFetch = new ArrayList<>();
        for (ModelManifest.ModelFile file : entry.files()) {
            String expected = file.sha256() != null ? file.sha256()
                    : previous.containsKey(file.path()) ? previous.get(file.path()).sha256() : null;
            if (expected != null && alreadyInstalled(root.resolve(file.path()), file, expected)) {
                recorded.put(file.path(), new InstallRecord.RecordedFile(expected, file.sha256() != null));
            } else {
                toFetch.add(file);
            }
        }
        long total = knownTotal(toFetch);
        requireSpace(root, toFetch);
        long[] done = {0};
        for (ModelManifest.ModelFile file : toFetch) {
            Path target = root.resolve(file.path());
            Path part = part(target);
            createDirectories(target.getParent());
            long before = done[0];
            if (isBundled(file)) {
                copyResource(file, part);
                progress.update(file.path(), before + HttpFileFetcher.size(part), total);
            } else {
                fetcher.fetch(URI.create(file.url()), part, file.size(),
                        bytes -> progress.update(file.path(), before + bytes, total));
            }
            recorded.put(file.path(), new InstallRecord.RecordedFile(verify(file, part), file.sha256() != null));
            done[0] = before + HttpFileFetcher.size(part);
        }
        List<ModelManifest.ModelFile> unpacked = unpackArchives(entry, root, toFetch);
        for (ModelManifest.ModelFile file : toFetch) {
            Path target = root.resolve(file.path());
            move(part(target), target);
        }
        for (ModelManifest.ModelFile file : unpacked) {
            replaceFolder(part(root.resolve(file.unpack())), root.resolve(file.unpack()));
        }
        if (!toFetch.isEmpty() || !previous.equals(recorded)) {
            new InstallRecord(entry.name(), Instant.now(), recorded).write(root);
        }
        progress.update("", done[0], total);
        return toFetch.size();
    }

    /**
     * Unpacks every archive just fetched (or installed earlier but never unpacked) into {@code <folder>.part},
     * before anything is moved into place, so that a refused archive installs nothing.
     */
    private static List<ModelManifest.ModelFile> unpackArchives(ModelManifest.Entry entry, Path root,
            List<ModelManifest.ModelFile> toFetch) {
        List<ModelManifest.ModelFile> unpacked = new ArrayList<>();
        for (ModelManifest.ModelFile file : entry.files()) {
            if (file.unpack() == null) {
                continue;
            }
            Path folder = root.resolve(file.unpack());
            boolean fetched = toFetch.contains(file);
            if (!fetched && Files.isDirectory(folder)) {
                continue;
            }
            Path archive = fetched ? part(root.resolve(file.path())) : root.resolve(file.path());
            Path staging = part(folder);
            TarGzUnpacker.deleteQuietly(staging);
            try {
                TarGzUnpacker.unpack(archive, staging, file.path());
            } catch (DownloadException e) {
                toFetch.forEach(f -> deleteQuietly(part(root.resolve(f.path()))));
                unpacked.forEach(f -> TarGzUnpacker.deleteQuietly(part(root.resolve(f.unpack()))));
                throw e;
            }
            unpacked.add(file);
        }
        return unpacked;
    }

    /** Puts a freshly unpacked folder in place of the old one (if any). */
    private static void replaceFolder(Path staging, Path folder) {
        Path old = folder.resolveSibling(folder.getFileName() + ".old");
        TarGzUnpacker.deleteQuietly(old);
        try {
            if (Files.exists(folder)) {
                Files.move(folder, old);
            }
            Files.move(staging, folder);
        } catch (IOException e) {
            throw new DownloadException("Cannot move " + staging + " to " + folder + ": " + e.getMessage(), e);
        }
        TarGzUnpacker.deleteQuietly(old);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover .part is resumed or replaced by the next attempt
        }
    }

    /** Every file of the entry comes from the class path: installable without a network. */
    public static boolean isBundled(ModelManifest.Entry entry) {
        return entry.files().stream().allMatch(ModelDownloader::isBundled);
    }

    private static boolean isBundled(ModelManifest.ModelFile file) {
        return file.url() != null && file.url().startsWith(CLASSPATH + ":");
    }

    private static void copyResource(ModelManifest.ModelFile file, Path part) {
        String name = file.url().substring(CLASSPATH.length() + 1);
        try (var in = ModelDownloader.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new DownloadException("No " + name + " on the class path (for " + file.path() + ").");
            }
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new DownloadException("Cannot write " + part + ": " + e.getMessage(), e);
        }
    }

    static Path part(Path target) {
        return target.resolveSibling(target.getFileName() + PART_SUFFIX);
    }

    private static boolean alreadyInstalled(Path target, ModelManifest.ModelFile file, String expectedSha256) {
        try {
            return Files.isRegularFile(target) && (file.size() == null || Files.size(target) == file.size())
                    && Sha256.of(target).equals(expectedSha256);
        } catch (IOException e) {
            return false;
        }
    }

    /** @return the part's sha256: checked against the manifest's where it publishes one, else just recorded */
    private static String verify(ModelManifest.ModelFile file, Path part) {
        String actual;
        try {
            actual = Sha256.of(part);
        } catch (IOException e) {
            throw new DownloadException("Cannot read " + part + " to verify it: " + e.getMessage(), e);
        }
        if (file.sha256() != null && !actual.equals(file.sha256())) {
            try {
                Files.deleteIfExists(part); // a resumed part with a wrong prefix would fail forever otherwise
            } catch (IOException e) {
                // reported below either way
            }
            throw new DownloadException("Checksum mismatch for " + file.path() + ": expected sha256 " + file.sha256()
                    + ", got " + actual + " (from " + file.url() + "). Nothing was installed; the downloaded"
                    + " file was deleted.");
        }
        return actual;
    }

    private static long knownTotal(List<ModelManifest.ModelFile> files) {
        long total = 0;
        for (ModelManifest.ModelFile file : files) {
            if (file.size() == null) {
                return -1;
            }
            total += file.size();
        }
        return total;
    }

    private static void requireSpace(Path root, List<ModelManifest.ModelFile> files) {
        long needed = 0;
        for (ModelManifest.ModelFile file : files) {
            Long size = file.size() != null ? file.size() : file.approxSize();
            if (size != null) {
                needed += Math.max(0, size - HttpFileFetcher.size(part(root.resolve(file.path()))));
            }
        }
        try {
            long free = Files.getFileStore(root).getUsableSpace();
            if (needed > free) {
                throw new DownloadException("Not enough disk space in " + root + ": the download needs " + needed
                        + " bytes, " + free + " are free.");
            }
        } catch (IOException e) {
            throw new DownloadException("Cannot check the free space of " + root + ": " + e.getMessage(), e);
        }
    }

    private static void move(Path from, Path to) {
        try {
            try {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING); // same folder: rename, in practice atomic
            }
        } catch (IOException e) {
            throw new DownloadException("Cannot move " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DownloadException("Cannot create " + dir + ": " + e.getMessage(), e);
        }
    }
}
